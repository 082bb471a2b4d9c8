"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "@/components/realtime/socket-client.ts";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { OrderActionDto } from "@/lib/order-actions/order-action-dto.ts";
import type { OrderActionPermissions } from "@/lib/order-actions/order-action-permissions.ts";
import type { RefundQuoteDto } from "@/lib/order-actions/quote-refund.ts";
import type { OrderActionBody } from "@/lib/validations/order-actions.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { inboxKeys } from "./query-keys.ts";

export type TicketOrderActions = { items: OrderActionDto[]; permissions: OrderActionPermissions };

export type RefundItemInput = { item_type: "PRODUCT" | "ORDER"; item_id: number; quantity?: number; amount?: number };

function isOrderActionActivity(message: MessageDto): boolean {
  return message.kind === "ACTIVITY" && typeof message.meta === "object" && message.meta !== null && (message.meta as { type?: unknown }).type === "order_action";
}

/**
 * A ticket's order actions and what the viewer may do. Every change to an action writes an activity
 * line to the thread in the same transaction (lib/order-actions/record-order-action-outcome.ts), and
 * that line's message:created event is the signal to read the actions again: a supervisor's approval
 * in another tab shows up here without a reload.
 */
export function useOrderActions(ticketId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onMessage = ({ message }: { ticketId: string; message: MessageDto }) => {
      if (message.ticketId !== ticketId || !isOrderActionActivity(message)) return;
      void queryClient.invalidateQueries({ queryKey: inboxKeys.orderActions(ticketId) });
      // A refund or cancellation changes the order; its snapshot follows BigCommerce's webhook, and a read now costs nothing.
      void queryClient.invalidateQueries({ queryKey: inboxKeys.context(ticketId) });
    };
    socket.on("message:created", onMessage);
    return () => {
      socket.off("message:created", onMessage);
    };
  }, [queryClient, ticketId]);
  return useQuery({
    queryKey: inboxKeys.orderActions(ticketId),
    queryFn: ({ signal }) => apiFetch<TicketOrderActions>(`/api/v1/tickets/${ticketId}/order-actions`, { signal }),
    staleTime: Infinity,
  });
}

/** Puts an action the API just answered with into the cached list (the socket event may bring it too). */
function useWriteAction(ticketId: string) {
  const queryClient = useQueryClient();
  return {
    onSuccess: (action: OrderActionDto) => {
      queryClient.setQueryData<TicketOrderActions>(inboxKeys.orderActions(ticketId), (data) =>
        data ? { ...data, items: [action, ...data.items.filter((item) => item.id !== action.id)] } : data,
      );
    },
    // A refusal may still have recorded a failed action (BigCommerce said no after Tern started it).
    onError: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.orderActions(ticketId) }),
  };
}

export function useRefundQuote(ticketId: string) {
  return useMutation({
    mutationFn: (items: RefundItemInput[]) => apiFetch<{ quote: RefundQuoteDto }>(`/api/v1/tickets/${ticketId}/order-actions/refund-quote`, { body: { items } }).then((reply) => reply.quote),
  });
}

export function useTakeOrderAction(ticketId: string) {
  return useMutation({
    mutationFn: (body: OrderActionBody) => apiFetch<{ action: OrderActionDto }>(`/api/v1/tickets/${ticketId}/order-actions`, { body }).then((reply) => reply.action),
    ...useWriteAction(ticketId),
  });
}

/** A supervisor's decision on a held refund, from the ticket itself (the same routes /admin/approvals uses). */
export function useDecideRefund(ticketId: string) {
  return useMutation({
    mutationFn: (decision: { actionId: string; approve: true } | { actionId: string; approve: false; note: string }) =>
      apiFetch<{ action: OrderActionDto }>(
        `/api/v1/order-actions/${decision.actionId}/${decision.approve ? "approve" : "reject"}`,
        decision.approve ? { method: "POST" } : { body: decision.note.trim() ? { note: decision.note.trim() } : {} },
      ).then((reply) => reply.action),
    ...useWriteAction(ticketId),
  });
}
