"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/components/ui/api-fetch.ts";
import { useToast } from "@/components/ui/toast.tsx";
import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import type { MessageDto, TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { writeMessage, writeTicket } from "./use-live-inbox.ts";

export type TicketAction =
  | { type: "update"; patch: { status?: TicketStatus; priority?: TicketPriority; assigneeId?: string | null } }
  | { type: "claim" }
  | { type: "snooze"; until: string | null }
  | { type: "escalate"; reason?: string }
  | { type: "transfer"; teamId?: string | null; assigneeId?: string | null }
  | { type: "merge"; targetTicketId: string };

function request(ticketId: string, action: TicketAction): Promise<{ ticket: TicketDto }> {
  const base = `/api/v1/tickets/${ticketId}`;
  switch (action.type) {
    case "update":
      return apiFetch(base, { method: "PATCH", body: action.patch });
    case "claim":
      return apiFetch(`${base}/claim`, { method: "POST" });
    case "snooze":
      return apiFetch(`${base}/snooze`, { body: { until: action.until } });
    case "escalate":
      return apiFetch(`${base}/escalate`, { body: { reason: action.reason } });
    case "transfer":
      return apiFetch(`${base}/transfer`, { body: { teamId: action.teamId, assigneeId: action.assigneeId } });
    case "merge":
      return apiFetch(`${base}/merge`, { body: { targetTicketId: action.targetTicketId } });
  }
}

/**
 * Ticket actions through the API. The answer is written into the cache at once (the socket
 * event that follows carries the same ticket and changes nothing); failures show as a toast
 * with the server's words, e.g. a refused status move.
 */
export function useTicketAction(ticketId: string, userId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (action: TicketAction) => request(ticketId, action),
    onSuccess: ({ ticket }) => writeTicket(queryClient, ticket, userId),
    onError: (error) => toast.error(error.message),
  });
}

export type PostMessageInput = { kind: "reply" | "note"; body: string; lastSeenMessageId?: string | null; sendAnyway?: boolean };

/** The replies a 409 names when someone else answered the customer after the last entry this agent saw; null for any other failure. */
export function newerRepliesOf(error: unknown): MessageDto[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const replies = (error.details as { newerReplies?: unknown } | undefined)?.newerReplies;
  return Array.isArray(replies) ? (replies as MessageDto[]) : null;
}

export function usePostMessage(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PostMessageInput) => apiFetch<{ message: MessageDto }>(`/api/v1/tickets/${ticketId}/messages`, { body: input }),
    onSuccess: ({ message }) => writeMessage(queryClient, message, { ifMissing: true }),
    // The server knew of a reply the socket had not brought yet: show it in the thread now.
    onError: (error) => {
      for (const reply of newerRepliesOf(error) ?? []) writeMessage(queryClient, reply, { ifMissing: true });
    },
  });
}
