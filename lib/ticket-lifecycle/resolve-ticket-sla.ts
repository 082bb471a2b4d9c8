import type { CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";
import { buildBusinessCalendar, parseBusinessHours, type BusinessCalendar } from "./business-hours.ts";

/** Targets in seconds (business seconds under a business-hours policy). */
export type SlaTargets = { firstResponseSeconds: number; resolutionSeconds: number; nextResponseSeconds?: number | null };

/** Used when no policy of the store matches: an hour to answer, a day to resolve, around the clock. */
export const DEFAULT_SLA_TARGETS: SlaTargets = { firstResponseSeconds: 60 * 60, resolutionSeconds: 24 * 60 * 60, nextResponseSeconds: null };
export const DEFAULT_WARN_AT_SHARE = 0.8;

export type SlaPolicyCandidate = SlaTargets & {
  id: string;
  priority: TicketPriority | null;
  tier: CustomerTier | null;
  createdAt: Date;
};

export type SlaPolicyRow = SlaPolicyCandidate & { name: string; warnAtShare: number; businessHours: unknown };

/** What the scheduler and the due-time computation need about one store. */
export type StoreSlaSetup = { timeZone: string; holidays: string[]; policies: SlaPolicyRow[] };

/** The policy that governs a ticket, ready for arithmetic. `policyId` is null for the built-in default. */
export type TicketSla = {
  policyId: string | null;
  policyName: string;
  firstResponseSeconds: number;
  nextResponseSeconds: number | null;
  resolutionSeconds: number;
  warnAtShare: number;
  calendar: BusinessCalendar | null;
};

function specificity(policy: SlaPolicyCandidate): number {
  // A priority match outranks a tier match: priority is what the agent set for this ticket.
  return (policy.priority !== null ? 2 : 0) + (policy.tier !== null ? 1 : 0);
}

/** The most specific policy matching the ticket (null fields match anything); the oldest wins a tie. */
export function pickSlaPolicy<P extends SlaPolicyCandidate>(policies: readonly P[], ticket: { priority: TicketPriority; tier: CustomerTier }): P | null {
  const matching = policies.filter(
    (policy) => (policy.priority === null || policy.priority === ticket.priority) && (policy.tier === null || policy.tier === ticket.tier),
  );
  matching.sort((a, b) => specificity(b) - specificity(a) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return matching[0] ?? null;
}

export function resolveTicketSla(setup: StoreSlaSetup, ticket: { priority: TicketPriority; tier: CustomerTier }): TicketSla {
  const policy = pickSlaPolicy(setup.policies, ticket);
  if (!policy) {
    return {
      policyId: null,
      policyName: "Default",
      firstResponseSeconds: DEFAULT_SLA_TARGETS.firstResponseSeconds,
      nextResponseSeconds: null,
      resolutionSeconds: DEFAULT_SLA_TARGETS.resolutionSeconds,
      warnAtShare: DEFAULT_WARN_AT_SHARE,
      calendar: null,
    };
  }
  return {
    policyId: policy.id,
    policyName: policy.name,
    firstResponseSeconds: policy.firstResponseSeconds,
    nextResponseSeconds: policy.nextResponseSeconds ?? null,
    resolutionSeconds: policy.resolutionSeconds,
    warnAtShare: policy.warnAtShare,
    calendar: buildBusinessCalendar(parseBusinessHours(policy.businessHours), setup.timeZone, setup.holidays),
  };
}
