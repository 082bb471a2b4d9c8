"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { cx } from "@/components/ui/cx.ts";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { Avatar } from "./avatar.tsx";
import { PRIORITY_STYLES } from "./priority-styles.ts";
import { SlaBadge } from "./sla-badge.tsx";
import { PRIORITY_LABELS, STATUS_STYLES } from "./status-styles.ts";

const ROW_HEIGHT = 84;

type Props = {
  tickets: TicketDto[];
  openId: string | null;
  highlightedId: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onHighlight: (id: string) => void;
  onOpen: (id: string) => void;
};

export const rowDomId = (ticketId: string) => `queue-row-${ticketId}`;

function QueueRow({ ticket, open, highlighted }: { ticket: TicketDto; open: boolean; highlighted: boolean }) {
  const customer = ticket.customer?.name ?? ticket.customer?.email ?? "Unknown customer";
  return (
    <div
      className={cx(
        "relative flex h-full flex-col justify-center gap-1 border-b border-slate-200 pl-4 pr-3",
        open ? "bg-tern-50" : highlighted ? "bg-slate-100" : "bg-white hover:bg-slate-50",
      )}
    >
      {open && <span aria-hidden="true" className="absolute inset-y-0 left-0 w-[3px] bg-tern-600" />}
      <div className="flex items-baseline gap-2">
        <p className="min-w-0 flex-1 truncate text-[13px] font-semibold leading-5 text-slate-900">{ticket.subject}</p>
        <RelativeTime iso={ticket.lastMessageAt ?? ticket.updatedAt} className="shrink-0 text-[11px] text-slate-500" />
      </div>
      <p className="truncate text-xs leading-4 text-slate-600">
        <span className="font-mono text-slate-500">#{ticket.number}</span> · {customer}
        {ticket.customer?.tier === "VIP" && <span className="ml-1 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-900">VIP</span>}
      </p>
      <div className="flex items-center gap-1.5">
        {ticket.watched ? (
          // Not "Awaiting Agent": a watched ticket waits for no agent until something needs a person.
          <span
            data-testid="queue-item-watched"
            className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700"
            title="Watched: nothing has asked a person about this order yet. No agent, no SLA clock."
          >
            Watching
          </span>
        ) : (
          <span data-testid="queue-item-status" className={cx("rounded px-1.5 py-0.5 text-[11px] font-medium", STATUS_STYLES[ticket.status])}>
            {STATUS_LABELS[ticket.status]}
          </span>
        )}
        {ticket.priority !== "NORMAL" && (
          <span className={cx("rounded px-1.5 py-0.5 text-[11px] font-medium", PRIORITY_STYLES[ticket.priority])}>{PRIORITY_LABELS[ticket.priority]}</span>
        )}
        <SlaBadge ticket={ticket} />
        {ticket.customerChannel === "TELEGRAM" && (
          <span className="rounded bg-sky-50 px-1.5 py-0.5 text-[11px] font-medium text-sky-800" title="The customer writes on Telegram">
            Telegram
          </span>
        )}
        {ticket.unverifiedChat && (
          <span
            data-testid="queue-item-unverified"
            className="rounded bg-orange-50 px-1.5 py-0.5 text-[11px] font-medium text-orange-800"
            title="This Telegram chat has not proved who it is: no order data is shown or sent"
          >
            Unverified
          </span>
        )}
        <span className="ml-auto">
          {ticket.assignee ? (
            <Avatar id={ticket.assignee.id} name={ticket.assignee.name} label={`Assigned to ${ticket.assignee.name}`} size="xs" />
          ) : (
            <span className="text-[11px] text-slate-500">Unassigned</span>
          )}
        </span>
      </div>
    </div>
  );
}

/**
 * The queue as a listbox: virtualised (only the visible rows exist in the DOM), the highlighted
 * row is the active descendant (j/k or arrows move it, Enter opens it), the next page loads as
 * the end comes into view.
 */
export function TicketQueue({ tickets, openId, highlightedId, hasMore, loadingMore, onLoadMore, onHighlight, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself on scroll; nothing here relies on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tickets.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => tickets[index]?.id ?? "more",
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tickets.length - 1) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, tickets.length, onLoadMore]);

  const highlightedIndex = highlightedId ? tickets.findIndex((ticket) => ticket.id === highlightedId) : -1;
  useEffect(() => {
    if (highlightedIndex >= 0) virtualizer.scrollToIndex(highlightedIndex, { align: "auto" });
  }, [highlightedIndex, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (step) {
      event.preventDefault();
      const next = tickets[Math.min(Math.max(highlightedIndex + step, 0), tickets.length - 1)];
      if (next) onHighlight(next.id);
    } else if (event.key === "Enter" && highlightedId) {
      event.preventDefault();
      onOpen(highlightedId);
    }
  }

  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label="Ticket queue"
      tabIndex={0}
      aria-activedescendant={highlightedIndex >= 0 ? rowDomId(highlightedId!) : undefined}
      onKeyDown={onKeyDown}
      className="min-h-0 flex-1 overflow-y-auto focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-tern-500"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const ticket = tickets[item.index];
          return (
            <div
              key={item.key}
              data-index={item.index}
              style={{ position: "absolute", top: 0, left: 0, width: "100%", height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {ticket ? (
                <div
                  id={rowDomId(ticket.id)}
                  role="option"
                  aria-selected={ticket.id === openId}
                  data-testid="queue-item"
                  data-ticket-id={ticket.id}
                  data-source={ticket.source}
                  data-channel={ticket.customerChannel ?? ""}
                  onClick={() => onOpen(ticket.id)}
                  onMouseMove={() => ticket.id !== highlightedId && onHighlight(ticket.id)}
                  className={cx("h-full cursor-pointer", ticket.id === highlightedId && "outline-none")}
                >
                  <QueueRow ticket={ticket} open={ticket.id === openId} highlighted={ticket.id === highlightedId} />
                </div>
              ) : (
                <p className="p-4 text-center text-xs text-slate-500">{loadingMore ? "Loading more…" : ""}</p>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
