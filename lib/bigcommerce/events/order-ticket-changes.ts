import type { NewDomainEvent } from "@/lib/domain-events/domain-event.ts";
import { ticketChangeEvents } from "@/lib/tickets/ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";

/**
 * The domain events of one BigCommerce event's transaction, gathered while it runs (it touches
 * several tickets, each possibly several times) and written in one statement before it commits
 * (process-bigcommerce-event.ts).
 */
export type OrderTicketChanges = { storeId: string; events: NewDomainEvent[] };

export function newChanges(storeId: string): OrderTicketChanges {
  return { storeId, events: [] };
}

/** A ticket the event created or changed (`ticketChanged: false`: it only gained thread entries). */
export function recordChange(changes: OrderTicketChanges, ticketId: string, messages: readonly MessageDto[], options: { created?: boolean; ticketChanged?: boolean } = {}): void {
  changes.events.push(...ticketChangeEvents(changes.storeId, ticketId, messages, options));
}
