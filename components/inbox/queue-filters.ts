import { OPEN_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { slaRisk } from "@/lib/ticket-lifecycle/sla-risk.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";

export type QueueView = "open" | "mine" | "unassigned" | "at_risk" | "watching" | "snoozed" | "all";

export const QUEUE_VIEWS: ReadonlyArray<{ id: QueueView; label: string }> = [
  { id: "open", label: "Open" },
  { id: "mine", label: "Mine" },
  { id: "unassigned", label: "Unassigned" },
  { id: "at_risk", label: "At risk" },
  // Order tickets nothing has asked a person about yet (lib/ticket-lifecycle/work.ts): not work.
  { id: "watching", label: "Watching" },
  { id: "snoozed", label: "Snoozed" },
  { id: "all", label: "All" },
];

/** The queue's state: a view plus optional narrowing filters (empty string = not set, as in a <select>). */
export type QueueFilters = {
  view: QueueView;
  status: TicketStatus | "";
  priority: TicketPriority | "";
  /** An agent's id; ignored by the views that already fix the assignee (mine, unassigned). */
  assigneeId: string;
  teamId: string;
  tag: string;
  q: string;
};

export const DEFAULT_FILTERS: QueueFilters = { view: "open", status: "", priority: "", assigneeId: "", teamId: "", tag: "", q: "" };



function fixesAssignee(view: QueueView): boolean {
  return view === "mine" || view === "unassigned";
}

/** The views of open tickets: the work ones (Open, Mine, Unassigned) and the watched order tickets. */
function listsOpenTickets(view: QueueView): boolean {
  return view === "open" || view === "mine" || view === "unassigned" || view === "watching";
}

/** Whether the view lists watched tickets (true), work (false), or both (null). */
function watchedIn(view: QueueView): boolean | null {
  if (view === "watching") return true;
  return view === "open" || view === "mine" || view === "unassigned" ? false : null;
}

/** /api/v1/tickets query for the filters (the server is the source of truth for the first load). */
export function queueSearchParams(filters: QueueFilters, cursor: string | null, limit = 50): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  const { view } = filters;
  if (filters.status) params.set("status", filters.status);
  else if (listsOpenTickets(view)) params.set("status", OPEN_STATUSES.join(","));
  const watched = watchedIn(view);
  if (watched !== null) params.set("watched", String(watched));
  if (view === "mine") params.set("assignee", "me");
  if (view === "unassigned") params.set("assignee", "none");
  if (view === "at_risk") params.set("slaAtRisk", "true");
  if (view === "snoozed") params.set("snoozed", "true");
  else if (view !== "all") params.set("snoozed", "false");
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.assigneeId && !fixesAssignee(view)) params.set("assigneeId", filters.assigneeId);
  if (filters.teamId) params.set("teamId", filters.teamId);
  if (filters.tag.trim()) params.set("tag", filters.tag.trim());
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (cursor) params.set("cursor", cursor);
  return params;
}

export type MatchContext = { userId: string; now: number };

/**
 * Whether a ticket belongs in a queue, decided in the browser so a live update can add, keep or
 * drop it without asking the server. The text search is the one filter only PostgreSQL can
 * answer: callers handle `q` themselves.
 */
export function matchesQueue(ticket: TicketDto, filters: QueueFilters, context: MatchContext): boolean {
  const { view } = filters;
  const snoozed = ticket.snoozedUntil !== null && Date.parse(ticket.snoozedUntil) > context.now;
  if (view === "snoozed" ? !snoozed : view !== "all" && snoozed) return false;
  if (filters.status) {
    if (ticket.status !== filters.status) return false;
  } else if (listsOpenTickets(view) && !OPEN_STATUSES.includes(ticket.status)) {
    return false;
  }
  const watched = watchedIn(view);
  if (watched !== null && ticket.watched !== watched) return false;
  if (view === "mine" && ticket.assignee?.id !== context.userId) return false;
  if (view === "unassigned" && ticket.assignee !== null) return false;
  if (view === "at_risk" && slaRisk(ticket, new Date(context.now)) === null) return false;
  if (filters.priority && ticket.priority !== filters.priority) return false;
  if (filters.assigneeId && !fixesAssignee(view) && ticket.assignee?.id !== filters.assigneeId) return false;
  if (filters.teamId && ticket.teamId !== filters.teamId) return false;
  if (filters.tag.trim() && !ticket.tags.includes(filters.tag.trim())) return false;
  return true;
}
