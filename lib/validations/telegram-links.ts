import { z } from "zod";

const orderId = z.coerce.number({ error: "The order number must be a whole number" }).int().positive().max(2_147_483_647);

/** POST /api/v1/telegram/chat-links: a link for an order, or for a customer account. */
export const chatLinkBodySchema = z.union(
  [
    z.strictObject({ bigcommerceOrderId: z.number().int().positive().max(2_147_483_647) }),
    z.strictObject({ bigcommerceCustomerId: z.number().int().positive().max(2_147_483_647) }),
  ],
  { error: "Give either bigcommerceOrderId or bigcommerceCustomerId" },
);

/** GET /api/telegram/chat-link: what the storefront snippet sends (BigCommerce fills in the order's placeholders). */
export const storefrontChatLinkQuerySchema = z.object({
  store: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "store must be the store hash"),
  order: orderId,
  email: z.string().trim().min(3).max(254),
});
