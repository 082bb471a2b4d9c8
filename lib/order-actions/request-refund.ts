import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import type { BigcommerceRefundItem } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { publishMessageCreated } from "@/lib/realtime/publish.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { refundNeedsApproval, requireOrderActionRole } from "./order-action-permissions.ts";
import { cents, formatAmount, orderTicketContext } from "./order-actions-context.ts";
import { fetchRefundQuote } from "./quote-refund.ts";
import { recordOrderActionOutcomeInTx } from "./record-order-action-outcome.ts";
import { runRefund } from "./run-refund.ts";

export type RequestRefundInput = {
  actor: ApiActor;
  ticketId: string;
  items: BigcommerceRefundItem[];
  /** The amount the agent saw on the quote and confirmed. */
  amount: number;
  reason?: string | null;
};

/**
 * A refund from a ticket: quoted again now and refused (422) unless BigCommerce still quotes
 * exactly the amount the agent confirmed. Above the store's threshold an agent's refund waits
 * for a supervisor; otherwise it runs at once.
 */
export async function requestRefund(db: Db, input: RequestRefundInput): Promise<OrderActionDto> {
  const { actor } = input;
  requireOrderActionRole(actor.role, "REFUND");
  const context = await orderTicketContext(db, actor.storeId, input.ticketId);
  const quote = await fetchRefundQuote(context, input.items);
  const quotedCents = cents(quote.total_refund_amount);
  const confirmedCents = cents(input.amount);
  if (quotedCents !== confirmedCents) {
    throw new AppError(
      "UNPROCESSABLE",
      `BigCommerce now quotes ${formatAmount(quotedCents)} for these items, not the ${formatAmount(confirmedCents)} you confirmed: review the new quote and confirm again`,
      { quoted: formatAmount(quotedCents), confirmed: formatAmount(confirmedCents) },
    );
  }
  if (quotedCents <= 0) throw new AppError("UNPROCESSABLE", "There is nothing to refund for these items");

  const store = await db.store.findUniqueOrThrow({ where: { id: actor.storeId }, select: { refundApprovalThreshold: true } });
  const thresholdCents = store.refundApprovalThreshold === null ? null : cents(store.refundApprovalThreshold);
  const reason = input.reason?.trim() || null;
  if (!refundNeedsApproval(actor.role, quotedCents, thresholdCents)) {
    return runRefund(db, { storeId: actor.storeId, context, actor, items: input.items, amountCents: quotedCents, quote, reason });
  }

  const amount = formatAmount(quotedCents);
  const outcome = await db.$transaction(async (tx) => {
    const created = await tx.orderAction.create({
      data: { storeId: actor.storeId, ticketId: context.ticketId, bigcommerceOrderId: context.orderId, kind: "REFUND", status: "PENDING_APPROVAL", amount, items: input.items, reason, requestedById: actor.userId },
      select: { id: true },
    });
    return recordOrderActionOutcomeInTx(tx, {
      storeId: actor.storeId,
      actionId: created.id,
      actorId: actor.userId,
      data: { status: "PENDING_APPROVAL" },
      audit: { action: "order.refund.requested", detail: { amount, threshold: formatAmount(thresholdCents ?? 0) } },
      activity: `${actor.name} asked to refund ${amount} on order #${context.orderId}: above ${formatAmount(thresholdCents ?? 0)}, it waits for a supervisor's approval`,
    });
  });
  publishMessageCreated(actor.storeId, outcome.activity);
  return outcome.action;
}
