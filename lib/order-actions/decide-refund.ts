import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import type { BigcommerceRefundItem } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { APPROVER_ROLES } from "./order-action-permissions.ts";
import { cents, formatAmount, orderTicketContext } from "./order-actions-context.ts";
import { fetchRefundQuote } from "./quote-refund.ts";
import { recordOrderActionOutcomeInTx } from "./record-order-action-outcome.ts";
import { runRefund } from "./run-refund.ts";

async function heldRefund(db: Db, storeId: string, actionId: string) {
  if (!isUuid(actionId)) throw new AppError("NOT_FOUND", "Order action not found");
  const action = await db.orderAction.findFirst({
    where: { id: actionId, storeId },
    select: { id: true, kind: true, status: true, ticketId: true, bigcommerceOrderId: true, amount: true, items: true, reason: true },
  });
  if (!action) throw new AppError("NOT_FOUND", "Order action not found");
  if (action.kind !== "REFUND" || action.status !== "PENDING_APPROVAL") throw new AppError("CONFLICT", "Only a refund waiting for approval can be approved or rejected");
  return action;
}

function requireApprover(actor: ApiActor): void {
  if (!APPROVER_ROLES.includes(actor.role)) throw new AppError("FORBIDDEN", "Only supervisors and admins approve refunds");
}

/**
 * A supervisor approves a held refund: BigCommerce is asked for a fresh quote, and the refund runs
 * only if it still comes to the amount that was requested (the order may have changed meanwhile).
 */
export async function approveRefund(db: Db, input: { actor: ApiActor; actionId: string }): Promise<OrderActionDto> {
  const { actor } = input;
  requireApprover(actor);
  const action = await heldRefund(db, actor.storeId, input.actionId);
  const context = await orderTicketContext(db, actor.storeId, action.ticketId);
  const items = action.items as BigcommerceRefundItem[];
  const quote = await fetchRefundQuote(context, items);
  const requestedCents = cents(action.amount ?? 0);
  if (cents(quote.total_refund_amount) !== requestedCents) {
    throw new AppError(
      "UNPROCESSABLE",
      `BigCommerce now quotes ${formatAmount(cents(quote.total_refund_amount))}, not the ${formatAmount(requestedCents)} requested: reject this request and ask for a new refund`,
      { quoted: formatAmount(cents(quote.total_refund_amount)), requested: formatAmount(requestedCents) },
    );
  }
  return runRefund(db, { storeId: actor.storeId, context, actor, items, amountCents: requestedCents, quote, reason: action.reason, approvingActionId: action.id });
}

export async function rejectRefund(db: Db, input: { actor: ApiActor; actionId: string; note?: string | null }): Promise<OrderActionDto> {
  const { actor } = input;
  requireApprover(actor);
  const action = await heldRefund(db, actor.storeId, input.actionId);
  const note = input.note?.trim() || null;
  const amount = formatAmount(cents(action.amount ?? 0));
  const outcome = await db.$transaction(async (tx) => {
    const moved = await tx.orderAction.updateMany({ where: { id: action.id, storeId: actor.storeId, status: "PENDING_APPROVAL" }, data: { decidedById: actor.userId, decidedAt: new Date() } });
    if (moved.count === 0) throw new AppError("CONFLICT", "This refund was already approved or rejected");
    return recordOrderActionOutcomeInTx(tx, {
      storeId: actor.storeId,
      actionId: action.id,
      actorId: actor.userId,
      data: { status: "REJECTED", ...(note ? { error: note } : {}) },
      audit: { action: "order.refund.rejected", detail: { amount, note } },
      activity: `${actor.name} rejected the refund of ${amount} on order #${action.bigcommerceOrderId}${note ? `: ${note}` : ""}`,
    });
  });
  return outcome.action;
}
