import type { Tx } from "@/lib/db/client.ts";
import { orderTemplateValues, trackingUrl, carrierName } from "@/lib/templates/order-template-variables.ts";
import { renderTemplate } from "@/lib/templates/render-template.ts";
import { signedStartLink } from "@/lib/chat-links/start-link.ts";
import { conversationChatInTx } from "@/lib/tickets/conversation-chat.ts";
import { addReplyInTx } from "@/lib/tickets/add-reply.ts";
import type { BigcommerceShipment } from "../bigcommerce-types.ts";
import type { SavedOrderSnapshot } from "../save-order-snapshot.ts";
import { shipmentNoticeMove } from "@/lib/ticket-lifecycle/event-moves.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { addSystemNoteInTx, moveOrderTicketInTx, type OrderTicket } from "./order-ticket.ts";

/** The seed's shipment template: used when the store has none with purpose "shipment". */
export const DEFAULT_SHIPMENT_TEMPLATE =
  "Thank you for your inquiry regarding order #[order_id]. Your shipment was last updated on [shipment_date] and is currently [shipment_status]. You can track it here: [tracking_url]";

async function shipmentTemplate(tx: Tx, storeId: string): Promise<string> {
  const template = await tx.template.findFirst({ where: { storeId, purpose: "shipment" }, orderBy: { createdAt: "asc" }, select: { body: true } });
  return template?.body ?? DEFAULT_SHIPMENT_TEMPLATE;
}

/** The order's signed chat link, for the agent to pass on by email or phone; empty when the store has no bot. */
async function chatLinkSentence(tx: Tx, storeId: string, orderId: number): Promise<string> {
  const store = await tx.store.findUnique({ where: { id: storeId }, select: { telegramBotUsername: true } });
  if (!store?.telegramBotUsername) return "";
  return ` Send them the order's chat link so they arrive verified: ${signedStartLink(store.telegramBotUsername, storeId, { kind: "order", orderId }).url}`;
}

/**
 * shipment.tracking.added (In Progress → Customer Notified): the tracking link goes into the
 * thread as a note, and the shipment template is queued to the customer as a system reply (the
 * Telegram outbox delivers it after commit). If the template cannot be filled from this order, or
 * the customer has no Telegram chat, a note says why and nothing is sent: never a blank.
 */
export async function sendShipmentNoticeInTx(
  tx: Tx,
  input: { storeId: string; ticket: OrderTicket; snapshot: SavedOrderSnapshot; shipment: BigcommerceShipment; timeZone: string; changes: OrderTicketChanges; now: Date },
): Promise<void> {
  const { storeId, ticket, shipment, changes } = input;
  const url = trackingUrl(shipment);
  const carrier = carrierName(shipment);
  const label = shipment.id ? `Shipment ${shipment.id}` : "Shipment";
  const trackingLine = `${label} sent${carrier ? ` with ${carrier}` : ""}: tracking ${shipment.tracking_number}${url ? ` — ${url}` : ""}`;
  await addSystemNoteInTx(tx, {
    storeId,
    ticket,
    body: trackingLine,
    meta: { type: "tracking", shipmentId: shipment.id, trackingNumber: shipment.tracking_number, trackingUrl: url ?? null },
    changes,
  });

  const notSent = (why: string) =>
    addSystemNoteInTx(tx, { storeId, ticket, body: `The shipment message was not sent automatically: ${why}`, meta: { type: "automation", sent: false }, changes });

  const values = orderTemplateValues({
    ticket: { number: ticket.number },
    snapshot: {
      bigcommerceOrderId: input.snapshot.bundle.order.id,
      status: input.snapshot.status,
      statusId: input.snapshot.statusId,
      totalIncTax: input.snapshot.bundle.order.total_inc_tax,
      currency: input.snapshot.bundle.order.currency_code ?? null,
      order: input.snapshot.bundle.order,
      shipments: input.snapshot.bundle.shipments,
    },
    shipmentId: shipment.id,
    timeZone: input.timeZone,
  });
  const rendered = renderTemplate(await shipmentTemplate(tx, storeId), values);
  if (!rendered.ok) return notSent(rendered.message);
  const telegram = await conversationChatInTx(tx, storeId, ticket.id);
  if (!telegram) return notSent(`the customer has no verified Telegram chat with the store's bot yet.${await chatLinkSentence(tx, storeId, input.snapshot.bundle.order.id)}`);

  const reply = await addReplyInTx(tx, { storeId, ticketId: ticket.id, body: rendered.text, actorId: null, now: input.now });
  recordChange(changes, ticket.id, reply.messages);
  await moveOrderTicketInTx(tx, { storeId, ticket, to: shipmentNoticeMove(ticket.status), reason: "Shipment tracking sent to the customer", changes, now: input.now });
}
