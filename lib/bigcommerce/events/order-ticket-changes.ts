import type { Tx } from "@/lib/db/client.ts";
import { publishMessageCreated, publishTicketCreated, publishTicketUpdated } from "@/lib/realtime/publish.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto, type TicketDto } from "@/lib/tickets/ticket-dto.ts";

/**
 * What one event did to tickets, gathered while its transaction runs and published only after
 * it commits. Tickets are sent in their final state, once, with every thread entry in order.
 * A ticket whose row the event did not touch (it only gained a system note) is not re-read or
 * re-sent: its thread entries are the whole news.
 */
export type OrderTicketChanges = Map<string, { created: boolean; ticketChanged: boolean; messages: MessageDto[] }>;

export type PublishableChange = { ticket: TicketDto | null; messages: MessageDto[]; created: boolean };

export function newChanges(): OrderTicketChanges {
  return new Map();
}

export function recordChange(changes: OrderTicketChanges, ticketId: string, messages: readonly MessageDto[], options: { created?: boolean; ticketChanged?: boolean } = {}): void {
  const entry = changes.get(ticketId) ?? { created: false, ticketChanged: false, messages: [] };
  entry.created ||= options.created ?? false;
  entry.ticketChanged ||= entry.created || (options.ticketChanged ?? true);
  entry.messages.push(...messages);
  changes.set(ticketId, entry);
}

/** The changed tickets as they are now: read after commit, so the ticket locks were held no longer than needed. */
export async function finishChanges(db: Tx, storeId: string, changes: OrderTicketChanges): Promise<PublishableChange[]> {
  const changedIds = [...changes].filter(([, entry]) => entry.ticketChanged).map(([id]) => id);
  const rows = changedIds.length ? await db.ticket.findMany({ where: { storeId, id: { in: changedIds } }, select: ticketDtoSelect }) : [];
  const tickets = new Map(rows.map((row) => [row.id, toTicketDto(row)]));
  return [...changes]
    .filter(([id, entry]) => !entry.ticketChanged || tickets.has(id))
    .map(([id, entry]) => ({ ticket: tickets.get(id) ?? null, messages: entry.messages, created: entry.created }));
}

/** Call only after the transaction committed. */
export function publishChanges(storeId: string, changes: readonly PublishableChange[]): void {
  for (const change of changes) {
    if (change.ticket && change.created) publishTicketCreated(storeId, change.ticket);
    else if (change.ticket) publishTicketUpdated(storeId, change.ticket);
    for (const message of change.messages) publishMessageCreated(storeId, message);
  }
}
