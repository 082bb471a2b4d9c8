import { orderIdOfPayload } from "@/lib/bigcommerce/webhooks/order-id-of-payload.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { createTicketInTx } from "@/lib/tickets/create-ticket.ts";
import { recordTicketChangeInTx, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";

export type CreateTicketFromDeadLetterInput = { storeId: string; eventId: string; actorId: string; subject?: string };

const MAX_PAYLOAD_CHARS = 4_000;

function describePayload(payload: unknown): string {
  const text = JSON.stringify(payload, null, 2) ?? "null";
  return text.length > MAX_PAYLOAD_CHARS ? `${text.slice(0, MAX_PAYLOAD_CHARS)}\n… (truncated)` : text;
}

/**
 * The SPEC's fallback for an event Tern could not parse or process: an agent turns the dead
 * letter into a ticket by hand. The ticket carries the error and the payload in its first note
 * and the order id when one can be read; the event remembers the ticket, so it happens once.
 */
export async function createTicketFromDeadLetter(db: Db, input: CreateTicketFromDeadLetterInput): Promise<TicketChange> {
  const { storeId, eventId } = input;
  if (!isUuid(eventId)) throw new AppError("NOT_FOUND", "Dead letter not found");
  return db.$transaction(async (tx) => {
    // The row lock makes two agents clicking at once produce one ticket.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "InboundEvent" WHERE id = ${eventId}::uuid AND "storeId" = ${storeId}::uuid AND status = 'DEAD' FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Dead letter not found");
    const event = await tx.inboundEvent.findUniqueOrThrow({
      where: { id: eventId },
      select: { source: true, kind: true, error: true, payload: true, receivedAt: true, manualTicketId: true },
    });
    if (event.manualTicketId) throw new AppError("CONFLICT", "A ticket was already created from this dead letter", { ticketId: event.manualTicketId });
    const orderId = event.source === "BIGCOMMERCE" ? orderIdOfPayload(event.payload) : null;
    const subject = input.subject?.trim() || `${event.source === "BIGCOMMERCE" ? "BigCommerce" : "Telegram"} event needs attention: ${event.kind}${orderId ? ` (order #${orderId})` : ""}`;
    const body = [
      `Created by hand from a ${event.source.toLowerCase()} event Tern could not process.`,
      `Received: ${event.receivedAt.toISOString()}`,
      `Error: ${event.error ?? "unknown"}`,
      "Payload:",
      describePayload(event.payload),
    ].join("\n");
    const created = await createTicketInTx(tx, {
      storeId,
      subject: subject.slice(0, 200),
      body,
      source: "MANUAL",
      bigcommerceOrderId: orderId ?? undefined,
      tags: ["dead-letter"],
      actorId: input.actorId,
    });
    await tx.inboundEvent.update({ where: { id: eventId }, data: { manualTicketId: created.ticket.id }, select: { id: true } });
    await recordTicketChangeInTx(tx, storeId, created, { created: true });
    return created;
  }, TICKET_TX_OPTIONS);
}
