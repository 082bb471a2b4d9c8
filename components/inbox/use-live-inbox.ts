"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "@/components/realtime/socket-client.ts";
import type { TicketDetail } from "@/lib/tickets/get-ticket.ts";
import type { MessageDto, TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { applyTicketToQueue, type QueueData } from "./queue-cache.ts";
import type { QueueFilters } from "./queue-filters.ts";
import { inboxKeys } from "./query-keys.ts";
import { replayOnLoad } from "./replay-on-load.ts";

/**
 * An event that lands while its query is still loading would be lost: the answer on its way was
 * read before the change, and overwrites whatever the event wrote. Such queries load again.
 */
function reloadIfLoading(queryClient: QueryClient, queryKey: readonly unknown[]): void {
  if (queryClient.getQueryState(queryKey)?.fetchStatus === "fetching") void queryClient.invalidateQueries({ queryKey, exact: true });
}

function byTime(a: MessageDto, b: MessageDto): number {
  return a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1;
}

/** Writes a ticket into every cached queue and its cached detail. */
export function writeTicket(queryClient: QueryClient, ticket: TicketDto, userId: string): void {
  const now = Date.now();
  for (const [key, data] of queryClient.getQueriesData<QueueData>({ queryKey: inboxKeys.queues })) {
    replayOnLoad(queryClient, key, ticket, userId);
    if (!data) continue;
    const filters = key[2] as QueueFilters;
    const next = applyTicketToQueue(data, ticket, filters, { userId, now });
    if (next === "refetch") void queryClient.invalidateQueries({ queryKey: key, exact: true });
    else if (next !== data) queryClient.setQueryData(key, next);
  }
  const detailKey = inboxKeys.detail(ticket.id);
  reloadIfLoading(queryClient, detailKey);
  const detail = queryClient.getQueryData<TicketDetail>(detailKey);
  if (!detail || detail.ticket.updatedAt > ticket.updatedAt) return;
  // A merge moved this ticket's messages elsewhere: reload its thread rather than guess.
  if (ticket.mergedIntoId && !detail.ticket.mergedIntoId) void queryClient.invalidateQueries({ queryKey: detailKey });
  // The sidebar shows what an order event may just have changed (status, shipments, the customer's
  // other tickets): reload it for tickets open in this tab.
  void queryClient.invalidateQueries({ queryKey: inboxKeys.context(ticket.id) });
  queryClient.setQueryData<TicketDetail>(detailKey, { ...detail, ticket });
}

/**
 * Adds or replaces a message in its ticket's cached thread, in thread order. `ifMissing` is for
 * an API answer: the socket may already have brought a newer state of the same message (a reply
 * sent before its POST returned), which the older answer must not overwrite.
 */
export function writeMessage(queryClient: QueryClient, message: MessageDto, options: { ifMissing?: boolean } = {}): void {
  if (!options.ifMissing) reloadIfLoading(queryClient, inboxKeys.detail(message.ticketId));
  queryClient.setQueryData<TicketDetail>(inboxKeys.detail(message.ticketId), (detail) => {
    if (!detail) return detail;
    if (options.ifMissing && detail.messages.some((item) => item.id === message.id)) return detail;
    const others = detail.messages.filter((item) => item.id !== message.id);
    return { ...detail, messages: [...others, message].sort(byTime) };
  });
}

/**
 * The one place socket.io events enter the inbox: every ticket and message event is written
 * into the react-query cache, so queues, threads and sidebars update with no polling and no reload.
 */
export function useLiveInbox(userId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onTicket = ({ ticket }: { ticket: TicketDto }) => writeTicket(queryClient, ticket, userId);
    const onMessage = ({ message }: { ticketId: string; message: MessageDto }) => {
      writeMessage(queryClient, message);
      // New customer words can change which articles fit.
      if (message.kind === "INBOUND") void queryClient.invalidateQueries({ queryKey: inboxKeys.kb(message.ticketId) });
    };
    // Events sent while disconnected are lost: reload what is on screen once. A first load still on
    // its way may have been read before the drop, and react-query would hand that same answer to
    // the reload of a query without data: it is cancelled first, so that it starts over.
    const onReconnect = async () => {
      await queryClient.cancelQueries({ queryKey: inboxKeys.all, predicate: (query) => query.state.data === undefined });
      await queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    };
    socket.on("ticket:created", onTicket);
    socket.on("ticket:updated", onTicket);
    socket.on("message:created", onMessage);
    socket.on("message:updated", onMessage);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("ticket:created", onTicket);
      socket.off("ticket:updated", onTicket);
      socket.off("message:created", onMessage);
      socket.off("message:updated", onMessage);
      socket.io.off("reconnect", onReconnect);
    };
  }, [queryClient, userId]);
}
