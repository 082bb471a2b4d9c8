"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { KbSuggestion } from "@/lib/kb/suggest-kb-articles.ts";
import type { TicketDetail } from "@/lib/tickets/get-ticket.ts";
import type { TicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { inboxKeys } from "./query-keys.ts";

// Live events keep these current (use-live-inbox.ts): never stale on their own.

export function useTicketDetail(ticketId: string | null) {
  return useQuery({
    queryKey: inboxKeys.detail(ticketId ?? ""),
    queryFn: ({ signal }) => apiFetch<TicketDetail>(`/api/v1/tickets/${ticketId}`, { signal }),
    enabled: ticketId !== null,
    staleTime: Infinity,
  });
}

export function useTicketContext(ticketId: string) {
  return useQuery({
    queryKey: inboxKeys.context(ticketId),
    queryFn: ({ signal }) => apiFetch<TicketContext>(`/api/v1/tickets/${ticketId}/context`, { signal }),
    staleTime: Infinity,
  });
}

export function useKbSuggestions(ticketId: string) {
  return useQuery({
    queryKey: inboxKeys.kb(ticketId),
    queryFn: ({ signal }) => apiFetch<{ items: KbSuggestion[] }>(`/api/v1/tickets/${ticketId}/kb-suggestions`, { signal }),
    staleTime: Infinity,
  });
}
