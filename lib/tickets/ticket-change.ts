import type { Db, Tx } from "@/lib/db/client.ts";
import type { NewDomainEvent } from "@/lib/domain-events/domain-event.ts";
import { recordDomainEventsInTx } from "@/lib/domain-events/record-domain-events.ts";
import type { MessageDto, TicketDto } from "./ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "./transaction-options.ts";

/** What one ticket write produced: the ticket as it now is and the thread entries it added, in order. */
export type TicketChange = { ticket: TicketDto; messages: MessageDto[] };

function enteredResolved(message: MessageDto): boolean {
  const meta = message.meta as { type?: unknown; to?: unknown } | null;
  return message.kind === "ACTIVITY" && meta?.type === "status" && meta.to === "RESOLVED";
}

function queuedForTelegram(message: MessageDto): boolean {
  return message.kind === "OUTBOUND" && message.channel === "TELEGRAM" && message.deliveryStatus === "QUEUED";
}

/** Thread entries written to a ticket, as events. */
export function messagesAddedEvents(storeId: string, messages: readonly MessageDto[]): NewDomainEvent[] {
  const events: NewDomainEvent[] = [];
  for (const message of messages) {
    events.push({
      storeId,
      type: "message.added",
      ticketId: message.ticketId,
      data: { messageId: message.id, ...(queuedForTelegram(message) ? { queuedForTelegram: true } : {}) },
    });
    if (enteredResolved(message)) events.push({ storeId, type: "ticket.resolved", ticketId: message.ticketId });
  }
  return events;
}

/**
 * The events of one ticket's change: created or updated (unless only its thread grew), then one
 * per thread entry, and ticket.resolved when a status entry says it entered Resolved.
 */
export function ticketChangeEvents(
  storeId: string,
  ticketId: string,
  messages: readonly MessageDto[],
  options: { created?: boolean; ticketChanged?: boolean } = {},
): NewDomainEvent[] {
  const touched = options.created || (options.ticketChanged ?? true);
  const head: NewDomainEvent[] = touched ? [{ storeId, type: options.created ? "ticket.created" : "ticket.updated", ticketId }] : [];
  return [...head, ...messagesAddedEvents(storeId, messages)];
}

/** Records a change's events in its transaction (lib/domain-events): after commit they reach the inbox and the channels. */
export async function recordTicketChangeInTx(tx: Tx, storeId: string, change: TicketChange, options: { created?: boolean } = {}): Promise<void> {
  await recordDomainEventsInTx(tx, ticketChangeEvents(storeId, change.ticket.id, change.messages, options));
}

/** Thread entries that changed (an edit, a delivery status), as events. */
export function messagesUpdatedEvents(storeId: string, messages: readonly MessageDto[]): NewDomainEvent[] {
  return messages.map((message) => ({ storeId, type: "message.updated", ticketId: message.ticketId, data: { messageId: message.id } }));
}

export async function recordMessagesUpdatedInTx(tx: Tx, storeId: string, messages: readonly MessageDto[]): Promise<void> {
  await recordDomainEventsInTx(tx, messagesUpdatedEvents(storeId, messages));
}

/** Thread entries added to a ticket whose own row did not change (a note). */
export async function recordMessagesAddedInTx(tx: Tx, storeId: string, messages: readonly MessageDto[]): Promise<void> {
  await recordDomainEventsInTx(tx, messagesAddedEvents(storeId, messages));
}

/** A ticket write in its own transaction, with its events. */
export function commitTicketChange<T extends TicketChange>(db: Db, storeId: string, work: (tx: Tx) => Promise<T>, options: { created?: boolean } = {}): Promise<T> {
  return db.$transaction(async (tx) => {
    const change = await work(tx);
    await recordTicketChangeInTx(tx, storeId, change, options);
    return change;
  }, TICKET_TX_OPTIONS);
}
