import type { InfiniteData } from "@tanstack/react-query";
import type { TicketPage } from "@/lib/tickets/list-tickets.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { matchesQueue, type MatchContext, type QueueFilters } from "./queue-filters.ts";

export type QueueData = InfiniteData<TicketPage, unknown>;

/** Queue order, as the server sorts: latest change first, ids (time-ordered) breaking ties. */
function before(a: TicketDto, b: TicketDto): boolean {
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);
}

/**
 * A cached queue after a live ticket event: the ticket is placed where it now sorts, or dropped
 * when it no longer matches. "refetch" when only the server can tell (a new ticket under a text
 * search). An event older than the cached copy is ignored: events from several instances may
 * arrive out of order.
 */
export function applyTicketToQueue(data: QueueData, ticket: TicketDto, filters: QueueFilters, context: MatchContext): QueueData | "refetch" {
  const current = data.pages.flatMap((page) => page.items).find((item) => item.id === ticket.id);
  if (current && current.updatedAt > ticket.updatedAt) return data;
  const searching = filters.q.trim() !== "";
  if (searching && !current) return "refetch";
  const keep = matchesQueue(ticket, filters, context);
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== ticket.id) }));
  if (keep) {
    // Inserted within the loaded pages only: a ticket sorting after the last loaded row arrives with the next page.
    const lastPage = pages.at(-1);
    for (const page of pages) {
      const index = page.items.findIndex((item) => before(ticket, item));
      if (index >= 0) {
        page.items.splice(index, 0, ticket);
        return { ...data, pages };
      }
    }
    if (lastPage && (lastPage.nextCursor === null || pages.every((page) => page.items.length === 0))) lastPage.items.push(ticket);
  }
  return { ...data, pages };
}
