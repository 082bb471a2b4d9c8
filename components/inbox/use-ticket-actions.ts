"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api-fetch.ts";
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

export function usePostMessage(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: "reply" | "note"; body: string }) =>
      apiFetch<{ message: MessageDto }>(`/api/v1/tickets/${ticketId}/messages`, { body: input }),
    onSuccess: ({ message }) => writeMessage(queryClient, message, { ifMissing: true }),
  });
}
