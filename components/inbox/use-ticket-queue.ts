"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { TicketPage } from "@/lib/tickets/list-tickets.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import type { QueueData } from "./queue-cache.ts";
import { inboxKeys } from "./query-keys.ts";
import { queueSearchParams, type QueueFilters } from "./queue-filters.ts";

/** The queue for some filters, a page at a time; use-live-inbox.ts keeps every loaded queue current. */
export function useTicketQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.queue(filters),
    // No AbortSignal: react-query aborts a load whose signal was read when its last observer
    // unmounts, and Strict Mode's trial unmount then sent the first request twice. A load left
    // behind finishes into the cache instead.
    queryFn: ({ pageParam }) => apiFetch<TicketPage>(`/api/v1/tickets?${queueSearchParams(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A text search is answered by the server; live events cannot fully keep it fresh.
    staleTime: filters.q ? 0 : Infinity,
  });
}

const NO_TICKETS: TicketDto[] = [];
const flattened = new WeakMap<QueueData, TicketDto[]>();

/** The loaded pages as one list, the same array for the same data (j/k and the list share it). */
export function queueTickets(data: QueueData | undefined): TicketDto[] {
  if (!data) return NO_TICKETS;
  let tickets = flattened.get(data);
  if (!tickets) {
    tickets = data.pages.flatMap((page) => page.items);
    flattened.set(data, tickets);
  }
  return tickets;
}
