import { z } from "zod";

const refundItem = z
  .strictObject({
    item_type: z.enum(["PRODUCT", "ORDER", "SHIPPING", "HANDLING", "GIFT_WRAPPING"]),
    item_id: z.number().int().nonnegative(),
    quantity: z.number().int().positive().max(100_000).optional(),
    amount: z.number().positive().max(10_000_000).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((item) => item.quantity !== undefined || item.amount !== undefined, { message: "give a quantity (products) or an amount" });

const items = z.array(refundItem).min(1).max(100);
const reason = z.string().trim().max(1000).optional();

export const refundQuoteBodySchema = z.strictObject({ items });

/** POST /api/v1/tickets/:id/order-actions */
export const orderActionBodySchema = z.discriminatedUnion("kind", [
  // `amount`: the total of the refund quote the agent confirmed; it must still match when the refund runs.
  z.strictObject({ kind: z.literal("REFUND"), items, amount: z.number().positive().max(10_000_000), reason }),
  z.strictObject({ kind: z.literal("CANCEL"), reason }),
  z.strictObject({ kind: z.literal("RESEND_TRACKING"), shipmentId: z.number().int().positive().optional() }),
]);

export type OrderActionBody = z.infer<typeof orderActionBodySchema>;

export const rejectOrderActionBodySchema = z.strictObject({ note: reason });

export const listOrderActionsQuerySchema = z.object({ status: z.enum(["PENDING_APPROVAL", "RUNNING", "SUCCEEDED", "FAILED", "REJECTED"]).optional() });
