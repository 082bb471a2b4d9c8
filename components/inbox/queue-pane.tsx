"use client";

import { useId, useState, type RefObject } from "react";
import { CustomerMatches } from "@/components/customers/customer-matches.tsx";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { SearchIcon, XIcon } from "@/components/ui/icons.tsx";
import { fieldClass, focusRing, labelClass, selectClass } from "@/components/ui/styles.ts";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";
import { DEFAULT_FILTERS, QUEUE_VIEWS, type QueueFilters } from "./queue-filters.ts";
import { PRIORITIES, PRIORITY_LABELS } from "./status-styles.ts";
import { TicketQueue } from "./ticket-queue.tsx";
import { useTeams, useUsers } from "./use-directory.ts";
import { queueTickets, type useTicketQueue } from "./use-ticket-queue.ts";

type Props = {
  className?: string;
  filters: QueueFilters;
  onFilters: (filters: QueueFilters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  openId: string | null;
  highlightedId: string | null;
  onHighlight: (id: string) => void;
  onOpen: (id: string) => void;
  queue: ReturnType<typeof useTicketQueue>;
};

function FilterPanel({ filters, onFilters }: { filters: QueueFilters; onFilters: (filters: QueueFilters) => void }) {
  const users = useUsers();
  const teams = useTeams();
  const ids = { status: useId(), priority: useId(), assignee: useId(), team: useId(), tag: useId() };
  const set = (patch: Partial<QueueFilters>) => onFilters({ ...filters, ...patch });
  const assigneeFixed = filters.view === "mine" || filters.view === "unassigned";
  return (
    <div className="grid grid-cols-2 gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2.5">
      <div>
        <label htmlFor={ids.status} className={labelClass}>
          Status
        </label>
        <select id={ids.status} className={cx(selectClass, "w-full")} value={filters.status} onChange={(event) => set({ status: event.target.value as QueueFilters["status"] })}>
          <option value="">Any</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.priority} className={labelClass}>
          Priority
        </label>
        <select id={ids.priority} className={cx(selectClass, "w-full")} value={filters.priority} onChange={(event) => set({ priority: event.target.value as QueueFilters["priority"] })}>
          <option value="">Any</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.assignee} className={labelClass}>
          Assignee
        </label>
        <select
          id={ids.assignee}
          className={cx(selectClass, "w-full")}
          value={assigneeFixed ? "" : filters.assigneeId}
          disabled={assigneeFixed}
          onChange={(event) => set({ assigneeId: event.target.value })}
        >
          <option value="">{assigneeFixed ? "Set by the view" : "Anyone"}</option>
          {users.data?.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.team} className={labelClass}>
          Team
        </label>
        <select id={ids.team} className={cx(selectClass, "w-full")} value={filters.teamId} onChange={(event) => set({ teamId: event.target.value })}>
          <option value="">Any</option>
          {teams.data?.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2">
        <label htmlFor={ids.tag} className={labelClass}>
          Tag
        </label>
        <input id={ids.tag} className={fieldClass} value={filters.tag} placeholder="e.g. refund" onChange={(event) => set({ tag: event.target.value })} />
      </div>
    </div>
  );
}

function countNarrowing(filters: QueueFilters): number {
  return [filters.status, filters.priority, filters.assigneeId, filters.teamId, filters.tag.trim()].filter(Boolean).length;
}

/** The left pane: search, views, filters and the live queue. */
export function QueuePane({ className, filters, onFilters, searchRef, openId, highlightedId, onHighlight, onOpen, queue }: Props) {
  const [showFilters, setShowFilters] = useState(false);
  const [search, setSearch] = useState(filters.q);
  const tickets = queueTickets(queue.data);
  const narrowing = countNarrowing(filters);
  const searchId = useId();

  return (
    // The whole width on a phone; beside the ticket from tablets up, a little narrower there to leave it room.
    <section
      aria-labelledby="queue-heading"
      className={cx("flex min-h-0 w-full shrink-0 flex-col border-r border-slate-200 bg-white md:w-72 lg:w-[21rem] 2xl:w-[24rem]", className)}
    >
      <div className="space-y-2 border-b border-slate-200 px-3 pb-2 pt-3">
        <div className="flex items-center justify-between">
          <h2 id="queue-heading" className="text-[13px] font-semibold text-slate-900">
            Queue
          </h2>
          <span className="text-xs text-slate-500" aria-live="polite">
            {queue.data ? `${tickets.length}${queue.hasNextPage ? "+" : ""} ticket${tickets.length === 1 ? "" : "s"}` : ""}
          </span>
        </div>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            onFilters({ ...filters, q: search });
          }}
          className="relative"
        >
          <label htmlFor={searchId} className="sr-only">
            Search tickets and messages
          </label>
          <SearchIcon size={14} className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-slate-500" />
          <input
            id={searchId}
            ref={searchRef}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              if (event.target.value === "" && filters.q) onFilters({ ...filters, q: "" });
            }}
            onKeyDown={(event) => {
              // Esc leaves the box for the shortcuts and keeps the search (Chromium would clear it).
              if (event.key === "Escape") {
                event.preventDefault();
                event.currentTarget.blur();
              }
            }}
            placeholder="Search tickets and messages  /"
            className={cx(fieldClass, "pl-8")}
          />
        </form>
        <div role="group" aria-label="Views" className="flex flex-wrap gap-0.5">
          {QUEUE_VIEWS.map((view) => (
            <button
              key={view.id}
              type="button"
              aria-pressed={filters.view === view.id}
              title={view.id === "at_risk" ? "SLA at risk or breached" : view.id === "watching" ? "Order tickets nothing has asked a person about yet: no agent, no SLA clock" : undefined}
              onClick={() => onFilters({ ...filters, view: view.id })}
              className={cx(
                "rounded-full px-[5px] py-0.5 text-xs font-medium",
                focusRing,
                filters.view === view.id ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {view.label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <Button size="xs" variant="ghost" aria-expanded={showFilters} onClick={() => setShowFilters((shown) => !shown)}>
            Filters{narrowing ? ` (${narrowing})` : ""}
          </Button>
          {(narrowing > 0 || filters.q) && (
            <Button
              size="xs"
              variant="ghost"
              onClick={() => {
                setSearch("");
                onFilters({ ...DEFAULT_FILTERS, view: filters.view });
              }}
            >
              <XIcon size={12} /> Clear
            </Button>
          )}
          {filters.q && <span className="truncate text-xs text-slate-600">Results for “{filters.q}”</span>}
        </div>
      </div>
      {showFilters && <FilterPanel filters={filters} onFilters={onFilters} />}
      {filters.q && <CustomerMatches q={filters.q} />}
      {queue.isPending ? (
        <p className="p-4 text-[13px] text-slate-600">Loading the queue…</p>
      ) : queue.error ? (
        <p role="alert" className="p-4 text-[13px] text-red-700">
          {queue.error.message}
        </p>
      ) : tickets.length === 0 ? (
        <p className="p-4 text-[13px] text-slate-600">{filters.q || narrowing ? "No tickets match." : "Nothing here. New tickets appear live."}</p>
      ) : (
        <TicketQueue
          tickets={tickets}
          openId={openId}
          highlightedId={highlightedId}
          hasMore={queue.hasNextPage}
          loadingMore={queue.isFetchingNextPage}
          onLoadMore={() => void queue.fetchNextPage()}
          onHighlight={onHighlight}
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
