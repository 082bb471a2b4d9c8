"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { getSocket } from "@/components/realtime/socket-client.ts";

export const ticketQueueKey = ["tickets", "queue"] as const;

type TicketPage = { items: TicketDto[]; nextCursor: string | null };

async function fetchQueue(): Promise<TicketPage> {
  const response = await fetch("/api/v1/tickets?limit=100", { credentials: "same-origin" });
  if (!response.ok) throw new Error(`Could not load the queue (${response.status})`);
  return (await response.json()) as TicketPage;
}

/** Puts a ticket at the top of the cached queue, replacing an older copy of it. */
function upsert(page: TicketPage | undefined, ticket: TicketDto): TicketPage | undefined {
  if (!page) return page;
  const current = page.items.find((item) => item.id === ticket.id);
  // Events may arrive out of order across instances: never let an older copy win.
  if (current && current.updatedAt > ticket.updatedAt) return page;
  return { ...page, items: [ticket, ...page.items.filter((item) => item.id !== ticket.id)] };
}

export function useTicketQueue() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ticketQueueKey, queryFn: fetchQueue });

  useEffect(() => {
    const socket = getSocket();
    const onTicket = ({ ticket }: { ticket: TicketDto }) =>
      queryClient.setQueryData<TicketPage>(ticketQueueKey, (page) => upsert(page, ticket));
    // After a reconnect, events may have been missed: reload once.
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: ticketQueueKey });
    socket.on("ticket:created", onTicket);
    socket.on("ticket:updated", onTicket);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("ticket:created", onTicket);
      socket.off("ticket:updated", onTicket);
      socket.io.off("reconnect", onReconnect);
    };
  }, [queryClient]);

  return query;
}
