import type { BigcommerceRefundItem } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Tx } from "@/lib/db/client.ts";
import { cents, formatAmount, type OrderTicketContext } from "./order-actions-context.ts";
import { recordOrderActionOutcomeInTx, type OrderActionOutcome } from "./record-order-action-outcome.ts";

/**
 * What Tern already refunded on an order, or has waiting for approval: a refund is measured
 * against the store's threshold together with them, so two refunds just under it are not a way
 * around it. Read under the order's action lock (lock-order-actions.ts).
 */
export async function refundedOrHeldCentsInTx(tx: Tx, input: { storeId: string; orderId: number }): Promise<number> {
  const rows = await tx.orderAction.findMany({
    where: { storeId: input.storeId, bigcommerceOrderId: input.orderId, kind: "REFUND", status: { in: ["SUCCEEDED", "PENDING_APPROVAL"] } },
    select: { amount: true },
  });
  return rows.reduce((sum, row) => sum + (row.amount === null ? 0 : cents(row.amount.toString())), 0);
}

/** A refund that waits for a supervisor: the action row, an audit entry and the thread's activity line. */
export async function holdRefundInTx(
  tx: Tx,
  input: {
    storeId: string;
    context: OrderTicketContext;
    actor: { userId: string; name: string };
    items: BigcommerceRefundItem[];
    amountCents: number;
    priorCents: number;
    thresholdCents: number;
    reason: string | null;
  },
): Promise<OrderActionOutcome> {
  const { storeId, context, actor } = input;
  const amount = formatAmount(input.amountCents);
  const threshold = formatAmount(input.thresholdCents);
  const created = await tx.orderAction.create({
    data: { storeId, ticketId: context.ticketId, bigcommerceOrderId: context.orderId, kind: "REFUND", status: "PENDING_APPROVAL", amount, items: input.items, reason: input.reason, requestedById: actor.userId },
    select: { id: true },
  });
  const before = input.priorCents > 0 ? ` (with ${formatAmount(input.priorCents)} already refunded or waiting, ${formatAmount(input.priorCents + input.amountCents)} in all)` : "";
  return recordOrderActionOutcomeInTx(tx, {
    storeId,
    actionId: created.id,
    actorId: actor.userId,
    data: { status: "PENDING_APPROVAL" },
    audit: { action: "order.refund.requested", detail: { amount, threshold, priorAmount: formatAmount(input.priorCents) } },
    activity: `${actor.name} asked to refund ${amount} on order #${context.orderId}${before}: above ${threshold}, it waits for a supervisor's approval`,
  });
}
