import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import { ORDER_STATUS, ORDER_STATUS_NAMES } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { bigcommerceActionError, errorText } from "./bigcommerce-action-error.ts";
import { lockOrderForActionInTx } from "./lock-order-actions.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { requireOrderActionRole } from "./order-action-permissions.ts";
import { orderTicketContext } from "./order-actions-context.ts";
import { recordOrderActionOutcomeInTx } from "./record-order-action-outcome.ts";

// Orders past these cannot be cancelled from Tern: money went back or never came.
const NOT_CANCELLABLE: number[] = [ORDER_STATUS.CANCELLED, ORDER_STATUS.REFUNDED, ORDER_STATUS.DECLINED];

/** Cancels the ticket's order in BigCommerce (status 5). Supervisors and admins only; recorded either way. */
export async function cancelOrder(db: Db, input: { actor: ApiActor; ticketId: string; reason?: string | null; now?: Date }): Promise<OrderActionDto> {
  const { actor } = input;
  requireOrderActionRole(actor.role, "CANCEL");
  const now = input.now ?? new Date();
  const context = await orderTicketContext(db, actor.storeId, input.ticketId);
  let order;
  try {
    order = await context.client.getOrder(context.orderId);
  } catch (error) {
    throw bigcommerceActionError(error, "cancellation");
  }
  if (!order) throw new AppError("NOT_FOUND", `BigCommerce has no order #${context.orderId}`);
  const previous = order.status || ORDER_STATUS_NAMES[order.status_id] || String(order.status_id);
  if (NOT_CANCELLABLE.includes(order.status_id)) throw new AppError("CONFLICT", `Order #${context.orderId} is ${previous}: it cannot be cancelled`);

  const reason = input.reason?.trim() || null;
  const actionId = await db.$transaction(async (tx) => {
    await lockOrderForActionInTx(tx, { storeId: actor.storeId, orderId: context.orderId, kind: "CANCEL", now });
    const created = await tx.orderAction.create({
      data: { storeId: actor.storeId, ticketId: context.ticketId, bigcommerceOrderId: context.orderId, kind: "CANCEL", status: "RUNNING", reason, requestedById: actor.userId },
      select: { id: true },
    });
    return created.id;
  });

  let outcome;
  let failure: AppError | null = null;
  try {
    const updated = await context.client.updateOrder(context.orderId, { status_id: ORDER_STATUS.CANCELLED });
    outcome = await db.$transaction((tx) =>
      recordOrderActionOutcomeInTx(tx, {
        storeId: actor.storeId,
        actionId,
        actorId: actor.userId,
        data: { status: "SUCCEEDED", result: { previousStatusId: order.status_id, statusId: updated.status_id } },
        audit: { action: "order.cancelled", detail: { previousStatus: previous, reason } },
        activity: `${actor.name} cancelled order #${context.orderId} (was ${previous})${reason ? `: ${reason}` : ""}`,
      }),
    );
  } catch (error) {
    failure = bigcommerceActionError(error, "cancellation");
    outcome = await db.$transaction((tx) =>
      recordOrderActionOutcomeInTx(tx, {
        storeId: actor.storeId,
        actionId,
        actorId: actor.userId,
        data: { status: "FAILED", error: errorText(error) },
        audit: { action: "order.cancel_failed", detail: { error: failure!.message } },
        activity: `Cancelling order #${context.orderId} failed: ${failure!.message}`,
      }),
    );
  }
  if (failure) throw failure;
  return outcome.action;
}
