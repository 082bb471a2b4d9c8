"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useCallback, useEffect, useRef, useState } from "react";
import { AppHeader, type HeaderUser } from "@/components/ui/app-header.tsx";
import { Button } from "@/components/ui/button.tsx";
import { KeyboardIcon } from "@/components/ui/icons.tsx";
import { ToastProvider } from "@/components/ui/toast.tsx";
import { AppProviders } from "@/components/providers/app-providers.tsx";
import { KeyboardHelp } from "./keyboard-help.tsx";
import { shortcutFor } from "./keyboard-shortcuts.ts";
import { QueuePane } from "./queue-pane.tsx";
import { DEFAULT_FILTERS, type QueueFilters } from "./queue-filters.ts";
import { pushPane, returnToPane, ticketUrl, type InboxPane } from "./pane-history.ts";
import { TicketView, type TicketCommands } from "./ticket-view.tsx";
import { useLiveInbox } from "./use-live-inbox.ts";
import { queueTickets, useTicketQueue } from "./use-ticket-queue.ts";

type Props = { user: HeaderUser };

function EmptyTicket() {
  // Phones show the queue alone until a ticket is opened.
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-2 bg-slate-50 text-center max-md:hidden">
      <p className="text-sm font-medium text-slate-800">Pick a ticket from the queue</p>
      <p className="text-[13px] text-slate-600">
        <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">j</kbd> /{" "}
        <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">k</kbd> to move,{" "}
        <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">Enter</kbd> to open,{" "}
        <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">?</kbd> for all shortcuts.
      </p>
    </div>
  );
}

function Inbox({ user }: Props) {
  useLiveInbox(user.id);
  const searchParams = useSearchParams();
  const openId = searchParams.get("ticket");
  const pane = searchParams.get("pane") === "order" ? "order" : "ticket";
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const queue = useTicketQueue(filters);
  const tickets = queueTickets(queue.data);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const ticketView = useRef<TicketCommands>(null);
  const highlightedId = highlighted && tickets.some((ticket) => ticket.id === highlighted) ? highlighted : (openId ?? tickets[0]?.id ?? null);

  // The open ticket lives in the URL (?ticket=…): shareable, and Back returns to the previous one.
  const open = useCallback((id: string) => {
    setHighlighted(id);
    if (new URLSearchParams(window.location.search).get("ticket") !== id) pushPane(ticketUrl(id));
  }, [setHighlighted]);
  // Where the panes take turns (phones, tablets): the order is a step forward, the queue and the ticket are Back.
  const showPane = (target: InboxPane) => {
    if (target === "queue") returnToPane("/inbox");
    else if (openId && target === "order") pushPane(ticketUrl(openId, "order"));
    else if (openId) returnToPane(ticketUrl(openId));
  };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) return;
      const index = highlightedId ? tickets.findIndex((ticket) => ticket.id === highlightedId) : -1;
      const move = (step: number) => {
        const next = tickets[Math.min(Math.max(index + step, 0), tickets.length - 1)];
        if (next) setHighlighted(next.id);
      };
      event.preventDefault();
      switch (action) {
        case "next":
          return move(1);
        case "previous":
          return move(-1);
        case "open":
          if (highlightedId) open(highlightedId);
          return;
        case "reply":
        case "note":
          return ticketView.current?.focusComposer(action);
        case "claim":
          return ticketView.current?.claim();
        case "search":
          return searchRef.current?.focus();
        case "help":
          return setHelpOpen(true);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [highlightedId, tickets, open]);

  return (
    // dvh: a phone's browser bars take part of 100vh, which would push the composer off the screen.
    <div className="flex h-dvh flex-col">
      <AppHeader user={user} active="inbox">
        <Button size="xs" variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" className="max-md:hidden">
          <KeyboardIcon size={14} /> Shortcuts
        </Button>
      </AppHeader>
      <main className="flex min-h-0 flex-1">
        <QueuePane
          className={openId ? "max-md:hidden" : undefined}
          filters={filters}
          onFilters={setFilters}
          searchRef={searchRef}
          queue={queue}
          openId={openId}
          highlightedId={highlightedId}
          onHighlight={setHighlighted}
          onOpen={open}
        />
        {openId ? <TicketView key={openId} ref={ticketView} ticketId={openId} userId={user.id} onOpenTicket={open} pane={pane} onPane={showPane} /> : <EmptyTicket />}
      </main>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

export function InboxShell({ user }: Props) {
  return (
    <AppProviders>
      <ToastProvider>
        <Suspense>
          <Inbox user={user} />
        </Suspense>
      </ToastProvider>
    </AppProviders>
  );
}
