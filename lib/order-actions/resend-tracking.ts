import { conversationChatInTx } from "@/lib/tickets/conversation-chat.ts";
import type { ApiActor } from "@/lib/auth/authenticate-request.ts";
import { DEFAULT_SHIPMENT_TEMPLATE } from "@/lib/bigcommerce/events/send-shipment-notice.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { orderTemplateValues } from "@/lib/templates/order-template-variables.ts";
import { renderTemplate } from "@/lib/templates/render-template.ts";
import { addReplyInTx } from "@/lib/tickets/add-reply.ts";
import { recordTicketChangeInTx } from "@/lib/tickets/ticket-change.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { bigcommerceActionError } from "./bigcommerce-action-error.ts";
import type { OrderActionDto } from "./order-action-dto.ts";
import { requireOrderActionRole } from "./order-action-permissions.ts";
import { orderTicketContext } from "./order-actions-context.ts";
import { recordOrderActionOutcomeInTx } from "./record-order-action-outcome.ts";

/**
 * Sends the customer their tracking again, from BigCommerce's current shipments, with the store's
 * shipment template (the same message the automatic notice uses). The reply goes out through the
 * Telegram outbox like any agent reply; a template that cannot be filled is refused, never sent blank.
 */
export async function resendTracking(db: Db, input: { actor: ApiActor; ticketId: string; shipmentId?: number }): Promise<OrderActionDto> {
  const { actor } = input;
  requireOrderActionRole(actor.role, "RESEND_TRACKING");
  const context = await orderTicketContext(db, actor.storeId, input.ticketId);
  let order;
  let shipments;
  try {
    [order, shipments] = await Promise.all([context.client.getOrder(context.orderId), context.client.getOrderShipments(context.orderId)]);
  } catch (error) {
    throw bigcommerceActionError(error, "tracking lookup");
  }
  if (!order) throw new AppError("NOT_FOUND", `BigCommerce has no order #${context.orderId}`);
  const tracked = shipments.filter((shipment) => shipment.tracking_number?.trim());
  const shipment = input.shipmentId === undefined ? tracked.at(-1) : tracked.find((entry) => entry.id === input.shipmentId);
  if (!shipment) throw new AppError("UNPROCESSABLE", `Order #${context.orderId} has no shipment with a tracking number${input.shipmentId === undefined ? " yet" : ` with id ${input.shipmentId}`}`);

  const [store, template, ticket] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: actor.storeId }, select: { timeZone: true } }),
    db.template.findFirst({ where: { storeId: actor.storeId, purpose: "shipment" }, orderBy: { createdAt: "asc" }, select: { body: true } }),
    db.ticket.findFirstOrThrow({ where: { id: context.ticketId, storeId: actor.storeId }, select: { number: true, customerId: true, customer: { select: { name: true, email: true } } } }),
  ]);
  const values = orderTemplateValues({
    ticket: { number: ticket.number, customer: ticket.customer },
    snapshot: { bigcommerceOrderId: order.id, status: order.status, statusId: order.status_id, totalIncTax: order.total_inc_tax, currency: order.currency_code ?? null, order, shipments },
    shipmentId: shipment.id,
    timeZone: store.timeZone,
  });
  const rendered = renderTemplate(template?.body ?? DEFAULT_SHIPMENT_TEMPLATE, { ...values, agent_name: actor.name });
  if (!rendered.ok) throw new AppError("UNPROCESSABLE", rendered.message);

  return db.$transaction(async (tx) => {
    const telegram = await conversationChatInTx(tx, actor.storeId, context.ticketId);
    if (!telegram) throw new AppError("UNPROCESSABLE", "The customer has no verified Telegram chat with the store's bot: the tracking cannot be sent");
    const reply = await addReplyInTx(tx, { storeId: actor.storeId, ticketId: context.ticketId, body: rendered.text, actorId: actor.userId });
    const created = await tx.orderAction.create({
      data: { storeId: actor.storeId, ticketId: context.ticketId, bigcommerceOrderId: context.orderId, kind: "RESEND_TRACKING", status: "RUNNING", requestedById: actor.userId },
      select: { id: true },
    });
    const outcome = await recordOrderActionOutcomeInTx(tx, {
      storeId: actor.storeId,
      actionId: created.id,
      actorId: actor.userId,
      data: { status: "SUCCEEDED", result: { shipmentId: shipment.id, trackingNumber: shipment.tracking_number, messageId: reply.reply.id } },
      audit: { action: "order.tracking_resent", detail: { shipmentId: shipment.id, trackingNumber: shipment.tracking_number } },
      activity: `${actor.name} re-sent the tracking of shipment ${shipment.id} (${shipment.tracking_number}) to the customer`,
    });
    await recordTicketChangeInTx(tx, actor.storeId, reply);
    return outcome.action;
  }, TICKET_TX_OPTIONS);
}
