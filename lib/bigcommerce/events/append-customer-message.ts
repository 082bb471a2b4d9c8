import type { Tx } from "@/lib/db/client.ts";
import { customerWroteUpdate } from "@/lib/tickets/customer-wrote.ts";
import { messageDtoSelect, toMessageDto } from "@/lib/tickets/ticket-dto.ts";
import { customerMessageMove } from "./order-event-moves.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { moveOrderTicketInTx, type OrderTicket } from "./order-ticket.ts";

export type IncomingOrderMessage = { key: string; body: string; subject: string };

export function orderMessageExternalId(orderId: number, key: string): string {
  return `order-message:${orderId}:${key}`;
}

/**
 * customer.message.received (Awaiting Agent → Agent Assigned): the customer's message joins the
 * order's thread once (its BigCommerce id is the message's external id, unique per store and
 * channel, so a redelivery adds nothing). Returns false for a message already there.
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
  const { count } = await tx.message.createMany({
    data: [{ storeId, ticketId: ticket.id, kind: "INBOUND", channel: "BIGCOMMERCE", body, externalId, createdAt: input.now }],
    skipDuplicates: true,
  });
  if (count === 0) return false;
  const row = await tx.message.findFirstOrThrow({ where: { storeId, channel: "BIGCOMMERCE", externalId }, select: messageDtoSelect });
  await tx.ticket.update({ where: { id: ticket.id, storeId }, data: customerWroteUpdate(input.now, "BIGCOMMERCE"), select: { id: true } });
  recordChange(changes, ticket.id, [toMessageDto(row)]);
  await moveOrderTicketInTx(tx, {
    storeId,
    ticket,
    to: customerMessageMove(ticket.status, ticket.assigneeId !== null),
    reason: "The customer wrote on the order",
    changes,
    now: input.now,
  });
  return true;
}
