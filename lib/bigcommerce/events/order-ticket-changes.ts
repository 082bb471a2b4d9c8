import type { Tx } from "@/lib/db/client.ts";
import { publishMessageCreated, publishTicketCreated, publishTicketUpdated } from "@/lib/realtime/publish.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto, type TicketDto } from "@/lib/tickets/ticket-dto.ts";

/**
 * What one event did to tickets, gathered while its transaction runs and published only after
 * it commits. Tickets are sent in their final state, once, with every thread entry in order.
 */
export type OrderTicketChanges = Map<string, { created: boolean; messages: MessageDto[] }>;

export type PublishableChange = { ticket: TicketDto; messages: MessageDto[]; created: boolean };

export function newChanges(): OrderTicketChanges {
  return new Map();
}

export function recordChange(changes: OrderTicketChanges, ticketId: string, messages: readonly MessageDto[], created = false): void {
  const entry = changes.get(ticketId) ?? { created: false, messages: [] };
  entry.created ||= created;
  entry.messages.push(...messages);
  changes.set(ticketId, entry);
}

/** The changed tickets as they are now: read after commit, so the ticket locks were held no longer than needed. */
export async function finishChanges(db: Tx, storeId: string, changes: OrderTicketChanges): Promise<PublishableChange[]> {
  if (changes.size === 0) return [];
  const rows = await db.ticket.findMany({ where: { storeId, id: { in: [...changes.keys()] } }, select: ticketDtoSelect });
  return rows.map((row) => {
    const entry = changes.get(row.id)!;
    return { ticket: toTicketDto(row), messages: entry.messages, created: entry.created };
  });
}

/** Call only after the transaction committed. */
export function publishChanges(storeId: string, changes: readonly PublishableChange[]): void {
  for (const change of changes) {
    if (change.created) publishTicketCreated(storeId, change.ticket);
    else publishTicketUpdated(storeId, change.ticket);
    for (const message of change.messages) publishMessageCreated(storeId, message);
  }
}
