import type { Tx } from "@/lib/db/client.ts";
import { recordCustomerMessageInTx } from "@/lib/ticket-lifecycle/record-customer-message.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import type { OrderTicket } from "./order-ticket.ts";

export type IncomingOrderMessage = { key: string; body: string; subject: string };

export function orderMessageExternalId(orderId: number, key: string): string {
  return `order-message:${orderId}:${key}`;
}

/**
 * customer.message.received (Awaiting Agent → Agent Assigned): the customer's message joins the
 * order's thread once (its BigCommerce id is the message's external id, unique per store and
 * channel, so a redelivery adds nothing), with what any customer message does to a ticket
 * (recordCustomerMessageInTx). Returns false for a message already there.
 *
 * SLA: the first-response clock started when the ticket was created and stops on the first
 * reply; a later customer message only reopens or re-queues the ticket here. Next-response
 * clocks belong to the SLA engine.
 */
export async function appendCustomerMessageInTx(
  tx: Tx,
  input: { storeId: string; ticket: OrderTicket; orderId: number; message: IncomingOrderMessage; changes: OrderTicketChanges; now: Date },
): Promise<boolean> {
  const { storeId, ticket, message, changes } = input;
  const externalId = orderMessageExternalId(input.orderId, message.key);
  const body = message.subject && !message.body.startsWith(message.subject) ? `${message.subject}\n\n${message.body}` : message.body;
  const change = await recordCustomerMessageInTx(tx, {
    storeId,
    ticketId: ticket.id,
    channel: "BIGCOMMERCE",
    externalId,
    body,
    reason: () => "The customer wrote on the order",
    now: input.now,
  });
  if (!change) return false;
  ticket.status = change.ticket.status;
  ticket.assigneeId = change.ticket.assignee?.id ?? null;
  recordChange(changes, ticket.id, change.messages);
  return true;
}
