import type { BigcommerceRefundItem, BigcommerceRefundPayment, BigcommerceRefundQuote } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { bigcommerceActionError, errorText } from "./bigcommerce-action-error.ts";
import { lockOrderForActionInTx } from "./lock-order-actions.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { cents, formatAmount, type OrderTicketContext } from "./order-actions-context.ts";
import { holdRefundInTx, refundedOrHeldCentsInTx } from "./hold-refund.ts";
import { refundNeedsApproval } from "./order-action-permissions.ts";
import { recordOrderActionOutcomeInTx, type OrderActionOutcome } from "./record-order-action-outcome.ts";

export type RunRefundInput = {
  storeId: string;
  context: OrderTicketContext;
  actor: { userId: string; name: string };
  items: BigcommerceRefundItem[];
  amountCents: number;
  quote: BigcommerceRefundQuote;
  reason: string | null;
  /** A held refund being approved: it moves PENDING_APPROVAL → RUNNING; otherwise a new action is created. */
  approvingActionId?: string;
  /**
   * A new refund held for approval instead when, with what the order already had refunded or
   * waiting, it goes over the threshold (decided under the order's lock, so two at once cannot
   * both slip under it).
   */
  holdAbove?: { thresholdCents: number; role: Role };
  now?: Date;
};

/** The quote's first refund method that pays exactly the confirmed amount (each method is a set of payments). */
function paymentsFor(quote: BigcommerceRefundQuote, amountCents: number): BigcommerceRefundPayment[] | null {
  for (const method of quote.refund_methods) {
    if (method.length && method.reduce((sum, payment) => sum + cents(payment.amount), 0) === amountCents) {
      return method.map((payment) => ({ provider_id: payment.provider_id, amount: cents(payment.amount) / 100, offline: payment.offline }));
    }
  }
  return null;
}

/**
 * Step two of a refund, once the amount is confirmed against a fresh quote: one refund per order
 * at a time (locked in Tern before BigCommerce is called), the quoted payments sent as they are,
 * and the outcome recorded either way (action row, audit entry, activity line).
 */
export async function runRefund(db: Db, input: RunRefundInput): Promise<OrderActionDto> {
  const { storeId, context, actor } = input;
  const now = input.now ?? new Date();
  const amount = formatAmount(input.amountCents);
  const payments = paymentsFor(input.quote, input.amountCents);
  if (!payments) throw new AppError("UNPROCESSABLE", `BigCommerce offers no refund method that pays exactly ${amount} for these items`);

  const started = await db.$transaction(async (tx): Promise<{ actionId: string } | { held: OrderActionOutcome }> => {
    await lockOrderForActionInTx(tx, { storeId, orderId: context.orderId, kind: "REFUND", now });
    if (input.approvingActionId) {
      const moved = await tx.orderAction.updateMany({
        where: { id: input.approvingActionId, storeId, status: "PENDING_APPROVAL" },
        data: { status: "RUNNING", decidedById: actor.userId, decidedAt: now },
      });
      if (moved.count === 0) throw new AppError("CONFLICT", "This refund was already approved or rejected");
      // The approval is its own line in the thread: whatever BigCommerce answers next, who let it through stays on record.
      const requester = await tx.orderAction.findFirstOrThrow({ where: { id: input.approvingActionId, storeId }, select: { requestedBy: { select: { name: true } } } });
      await recordOrderActionOutcomeInTx(tx, {
        storeId,
        actionId: input.approvingActionId,
        actorId: actor.userId,
        data: { status: "RUNNING" },
        audit: { action: "order.refund.approved", detail: { amount } },
        activity: `${actor.name} approved the refund of ${amount} on order #${context.orderId}${requester.requestedBy ? ` that ${requester.requestedBy.name} asked for` : ""}`,
      });
      return { actionId: input.approvingActionId };
    }
    if (input.holdAbove) {
      const priorCents = await refundedOrHeldCentsInTx(tx, { storeId, orderId: context.orderId });
      if (refundNeedsApproval(input.holdAbove.role, priorCents + input.amountCents, input.holdAbove.thresholdCents)) {
        return { held: await holdRefundInTx(tx, { ...input, priorCents, thresholdCents: input.holdAbove.thresholdCents }) };
      }
    }
    const created = await tx.orderAction.create({
      data: { storeId, ticketId: context.ticketId, bigcommerceOrderId: context.orderId, kind: "REFUND", status: "RUNNING", amount, items: input.items, reason: input.reason, requestedById: actor.userId },
      select: { id: true },
    });
    return { actionId: created.id };
  });
  if ("held" in started) {
    return started.held.action;
  }
  const { actionId } = started;

  let outcome;
  let failure: AppError | null = null;
  try {
    const refund = await context.client.createRefund(context.orderId, { items: input.items, payments });
    outcome = await db.$transaction((tx) =>
      recordOrderActionOutcomeInTx(tx, {
        storeId,
        actionId,
        actorId: actor.userId,
        data: { status: "SUCCEEDED", result: { refundId: refund.id, totalAmount: refund.total_amount, payments: payments.map((payment) => ({ ...payment })) } },
        audit: { action: "order.refund.completed", detail: { amount, refundId: refund.id } },
        activity: `Refunded ${amount} on order #${context.orderId} (${payments.map((payment) => payment.provider_id).join(", ")}) by ${actor.name}`,
      }),
    );
  } catch (error) {
    failure = bigcommerceActionError(error, "refund");
    outcome = await db.$transaction((tx) =>
      recordOrderActionOutcomeInTx(tx, {
        storeId,
        actionId,
        actorId: actor.userId,
        data: { status: "FAILED", error: errorText(error) },
        audit: { action: "order.refund.failed", detail: { amount, error: failure!.message } },
        activity: `Refund of ${amount} on order #${context.orderId} failed: ${failure!.message}`,
      }),
    );
  }
  if (failure) throw failure;
  return outcome.action;
}
