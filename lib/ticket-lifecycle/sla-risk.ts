import { CLOCK_STOPPED_STATUSES } from "./status-machine.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

/**
 * "SLA at risk", shared by the queue filter (SQL in find-sla-risk-ticket-ids.ts) and the inbox
 * badges (this function), so a ticket the filter lists is a ticket the badge marks. A clock is at
 * risk once less than this share of its target is left: the default warning point of an SLA
 * policy (warnAtShare 0.8).
 */
export const SLA_RISK_REMAINING_SHARE = 0.2;

/** Statuses whose clocks do not run: nothing there can breach. */
export const SLA_STOPPED_STATUSES: readonly TicketStatus[] = CLOCK_STOPPED_STATUSES;

export type SlaRisk = "breached" | "at_risk" | null;

export type SlaRiskFields = {
  status: TicketStatus;
  /** When the clocks started (the ticket became work); a watched ticket has no due times. */
  workSince: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
};

function clockRisk(startedAt: number, dueAt: string | null, now: number): SlaRisk {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (due <= now) return "breached";
  return due - now < (due - startedAt) * SLA_RISK_REMAINING_SHARE ? "at_risk" : null;
}

/** The worse of the running clocks (first response until answered, resolution until resolved). */
export function slaRisk(ticket: SlaRiskFields, now: Date): SlaRisk {
  if (SLA_STOPPED_STATUSES.includes(ticket.status)) return null;
  if (ticket.firstResponseBreached || ticket.resolutionBreached) return "breached";
  const started = Date.parse(ticket.workSince ?? ticket.createdAt);
  const at = now.getTime();
  const risks = [ticket.firstResponseAt ? null : clockRisk(started, ticket.firstResponseDueAt, at), clockRisk(started, ticket.resolutionDueAt, at)];
  if (risks.includes("breached")) return "breached";
  return risks.includes("at_risk") ? "at_risk" : null;
}
