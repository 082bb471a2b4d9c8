import { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { STATUS_LABELS } from "./status-labels.ts";

/**
 * The ticket state machine, pure. transition-ticket.ts is its only writer; the UI asks
 * nextStatuses() which moves to offer.
 */

export const TICKET_STATUSES: readonly TicketStatus[] = Object.values(TicketStatus);

/** Waiting for someone to pick the ticket up. */
export const QUEUED_STATUSES: readonly TicketStatus[] = [TicketStatus.AWAITING_AGENT, TicketStatus.PRIORITY_QUEUE];

/** Someone on the team owns the next step. */
export const WORKING_STATUSES: readonly TicketStatus[] = [
  TicketStatus.AGENT_ASSIGNED,
  TicketStatus.IN_PROGRESS,
  TicketStatus.AGENT_NOTIFIED,
  TicketStatus.CUSTOMER_NOTIFIED,
  TicketStatus.RETURN_PROCESSING,
  TicketStatus.ESCALATED,
];

/** The SLA clocks stop while the ball is in the customer's court. */
export const PAUSED_STATUSES: readonly TicketStatus[] = [TicketStatus.WAITING_ON_CUSTOMER];

/** Done with: resolved (a customer's message may still reopen it) or closed. Not open work. */
export const FINISHED_STATUSES: readonly TicketStatus[] = [TicketStatus.RESOLVED, TicketStatus.CLOSED];

/** Nobody owes the customer a step: waiting on them, or finished. No SLA clock runs, no agent carries it as load. */
export const CLOCK_STOPPED_STATUSES: readonly TicketStatus[] = [...PAUSED_STATUSES, ...FINISHED_STATUSES];

/** Every status but the finished ones: the inbox's open work. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((status) => !FINISHED_STATUSES.includes(status));

/** A resolved ticket may be reopened only into these: back to the queue or to an agent. */
export const REOPEN_STATUSES: readonly TicketStatus[] = [TicketStatus.AWAITING_AGENT, TicketStatus.AGENT_ASSIGNED, TicketStatus.IN_PROGRESS];

const ACTIVE_STATUSES: readonly TicketStatus[] = [...QUEUED_STATUSES, ...WORKING_STATUSES, ...PAUSED_STATUSES];

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export type TransitionContext = {
  /** Whether the ticket has an assignee after the change (now, or given in the same change). */
  hasAssignee: boolean;
};

export function isQueued(status: TicketStatus): boolean {
  return QUEUED_STATUSES.includes(status);
}

export function isWorking(status: TicketStatus): boolean {
  return WORKING_STATUSES.includes(status);
}

function refuse(reason: string): TransitionCheck {
  return { ok: false, reason };
}

function label(status: TicketStatus): string {
  return STATUS_LABELS[status];
}

/** Whether `from` → `to` is allowed by the graph alone (no assignee guard). */
function edgeCheck(from: TicketStatus, to: TicketStatus): TransitionCheck {
  if (from === to) return refuse(`The ticket is already ${label(to)}`);
  if (to === TicketStatus.OPEN) return refuse("A ticket cannot go back to Open: Open is only its initial status");
  if (from === TicketStatus.OPEN) return { ok: true };
  if (from === TicketStatus.CLOSED) return refuse("A closed ticket cannot change status");
  if (from === TicketStatus.RESOLVED) {
    if (to === TicketStatus.CLOSED || REOPEN_STATUSES.includes(to)) return { ok: true };
    return refuse(`A resolved ticket can only be closed or reopened to ${REOPEN_STATUSES.map(label).join(", ")}`);
  }
  if (ACTIVE_STATUSES.includes(from)) return { ok: true };
  // Unreachable while every status belongs to a group; kept so a new enum value fails closed.
  return refuse(`No moves are defined from ${label(from)}`);
}

export function canTransition(from: TicketStatus, to: TicketStatus, context: TransitionContext): TransitionCheck {
  const edge = edgeCheck(from, to);
  if (!edge.ok) return edge;
  if (to === TicketStatus.AGENT_ASSIGNED && !context.hasAssignee) {
    return refuse("A ticket needs an assignee to move to Agent Assigned");
  }
  return { ok: true };
}

/** The statuses a ticket in `from` may move to, in enum order (what the status menu offers). */
export function nextStatuses(from: TicketStatus, context: TransitionContext): TicketStatus[] {
  return TICKET_STATUSES.filter((to) => canTransition(from, to, context).ok);
}
