"use client";

import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { applyTicketToQueue, type QueueData } from "./queue-cache.ts";
import type { QueueFilters } from "./queue-filters.ts";

type Waiting = { ticket: TicketDto; userId: string };

// Per client (one per tab), by query hash.
const waitingByClient = new WeakMap<QueryClient, Map<string, Waiting[]>>();

function replay(queryClient: QueryClient, queryKey: QueryKey, waiting: Waiting[]): void {
  let data = queryClient.getQueryData<QueueData>(queryKey);
  if (!data) return;
  const filters = queryKey[2] as QueueFilters;
  const now = Date.now();
  for (const { ticket, userId } of waiting) {
    const next = applyTicketToQueue(data, ticket, filters, { userId, now });
    if (next === "refetch") {
      void queryClient.invalidateQueries({ queryKey, exact: true });
      return;
    }
    data = next;
  }
  queryClient.setQueryData(queryKey, data);
}

function waitingOf(queryClient: QueryClient): Map<string, Waiting[]> {
  const known = waitingByClient.get(queryClient);
  if (known) return known;
  const waiting = new Map<string, Waiting[]>();
  waitingByClient.set(queryClient, waiting);
  queryClient.getQueryCache().subscribe((event) => {
    const hash = event.query.queryHash;
    if (event.type === "removed") waiting.delete(hash);
    if (event.type !== "updated" || !waiting.has(hash)) return;
    if (event.action.type === "error") waiting.delete(hash);
    // A manual success is a cache write (ours included), not the answer of the load.
    if (event.action.type !== "success" || event.action.manual) return;
    const events = waiting.get(hash)!;
    waiting.delete(hash);
    replay(queryClient, event.query.queryKey, events);
  });
  return waiting;
}

/**
 * A ticket event that lands while a queue is loading (first page, next page or refetch): the
 * answer on its way may have been read before the change and would overwrite it, so the event is
 * applied to that answer again when it lands. Loading the queue once more instead would cost a
 * request per event during every load, and cannot even work for a first load: react-query hands
 * a refetch of a query without data the request already in flight.
 */
export function replayOnLoad(queryClient: QueryClient, queryKey: QueryKey, ticket: TicketDto, userId: string): void {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (!query || query.state.fetchStatus === "idle") return;
  const waiting = waitingOf(queryClient);
  waiting.set(query.queryHash, [...(waiting.get(query.queryHash) ?? []), { ticket, userId }]);
}
