import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import type { BigcommerceRefundItem } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { requireOrderActionRole } from "./order-action-permissions.ts";
import { cents, formatAmount, orderTicketContext } from "./order-actions-context.ts";
import { fetchRefundQuote } from "./quote-refund.ts";
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
 * exactly the amount the agent confirmed. When it takes what Tern refunded on the order (done or
 * waiting) above the store's threshold, an agent's refund waits for a supervisor; otherwise it
 * runs at once.
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
  // Whether it waits for approval is decided under the order's lock, with the order's other refunds.
  return runRefund(db, {
    storeId: actor.storeId,
    context,
    actor,
    items: input.items,
    amountCents: quotedCents,
    quote,
    reason,
    ...(thresholdCents === null ? {} : { holdAbove: { thresholdCents, role: actor.role } }),
  });
}
