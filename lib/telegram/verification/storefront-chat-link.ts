import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { proofMatches } from "./order-proof.ts";
import { issueStartLink, storeBotUsername } from "./issue-start-link.ts";
import { giveBackProofAttempt, takeProofAttempt } from "./verification-limits.ts";

export type StorefrontLinkInput = { storeHash: string; orderId: number; email: string; address: string };

/**
 * Where the storefront's "Chat with us on Telegram" link sends a shopper. The order-confirmation
 * page knows the order number and its billing email; together they earn a signed start link, so
 * the shopper arrives in the bot verified. Anything else (a wrong pair, no such order, too many
 * tries) gets the bot's plain link, where the shopper can still prove it or just ask: the answer
 * never says which part was wrong or whether the order exists. Wrong pairs count per address and
 * per order, as in the bot.
 */
export async function storefrontChatLink(db: Db, input: StorefrontLinkInput): Promise<string> {
  const store = await db.store.findUnique({ where: { bigcommerceHash: input.storeHash }, select: { id: true, status: true } });
  if (!store || store.status !== "ACTIVE") throw new AppError("NOT_FOUND", "No store with this hash uses Tern");
  const botUsername = await storeBotUsername(db, store.id);
  const plain = `https://t.me/${encodeURIComponent(botUsername)}`;

  const key = { storeId: store.id, requester: `address:${input.address}`, orderId: input.orderId };
  const client = await bigcommerceClientForStore(db, store.id);
  if (!client) return plain;
  if (!(await takeProofAttempt(key))) return plain;
  let order;
  try {
    order = await client.getOrder(input.orderId);
  } catch (error) {
    if (error instanceof BigcommerceApiError) return plain;
    throw error;
  }
  if (!proofMatches(order, { orderId: input.orderId, email: input.email.trim().toLowerCase() })) return plain;
  await giveBackProofAttempt(key);
  return (await issueStartLink(db, store.id, { kind: "order", orderId: input.orderId })).url;
}
