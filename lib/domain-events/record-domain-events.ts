import type { Tx } from "@/lib/db/client.ts";
import { insertRowsInTx } from "@/lib/db/insert-rows.ts";
import type { NewDomainEvent } from "./domain-event.ts";

/** One "ticket changed" per ticket and transaction: a created ticket needs no update after it, a second update says nothing new. */
function withoutRepeatedTicketEvents(events: readonly NewDomainEvent[]): NewDomainEvent[] {
  const announced = new Set<string>();
  for (const event of events) if (event.type === "ticket.created" && event.ticketId) announced.add(event.ticketId);
  return events.filter((event) => {
    if (event.type !== "ticket.updated" || !event.ticketId) return true;
    if (announced.has(event.ticketId)) return false;
    announced.add(event.ticketId);
    return true;
  });
}

/**
 * Writes events in the caller's transaction: they exist exactly when the change they describe
 * committed, and the table's trigger wakes the dispatchers at that commit. One statement however
 * many events.
 */
export async function recordDomainEventsInTx(tx: Tx, events: readonly NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = withoutRepeatedTicketEvents(events).map(({ storeId, type, ticketId, data }) => ({ storeId, type, ticketId, data: data ?? null }));
  await insertRowsInTx(tx, "DomainEvent", { storeId: "uuid", type: "text", ticketId: "uuid", data: "jsonb" }, rows);
}
