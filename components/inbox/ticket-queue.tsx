"use client";

import { STATUS_LABELS } from "@/lib/tickets/status-labels.ts";
import { PRIORITY_STYLES } from "./priority-styles.ts";
import { useTicketQueue } from "./use-ticket-queue.ts";

export function TicketQueue() {
  const { data, isPending, error } = useTicketQueue();
  if (isPending) return <p className="p-4 text-sm text-slate-600">Loading the queue…</p>;
  if (error) return <p role="alert" className="p-4 text-sm text-red-700">{error.message}</p>;
  if (data.items.length === 0) return <p className="p-4 text-sm text-slate-600">No tickets yet. New ones appear here live.</p>;

  return (
    <ul aria-label="Ticket queue" className="divide-y divide-slate-200">
      {data.items.map((ticket) => (
        <li key={ticket.id} data-testid="queue-item" data-ticket-id={ticket.id} className="flex items-start gap-3 px-4 py-3 hover:bg-white">
          <span className="w-14 shrink-0 font-mono text-sm text-slate-500">#{ticket.number}</span>
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{ticket.subject}</p>
            <p className="truncate text-sm text-slate-600">
              {ticket.customer?.name ?? ticket.customer?.email ?? "Unknown customer"}
              {ticket.assignee ? ` · ${ticket.assignee.name}` : " · Unassigned"}
            </p>
          </div>
          <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-medium ${PRIORITY_STYLES[ticket.priority]}`}>
            {ticket.priority.toLowerCase()}
          </span>
          <span data-testid="queue-item-status" className="w-36 shrink-0 text-right text-sm text-slate-700">
            {STATUS_LABELS[ticket.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}
