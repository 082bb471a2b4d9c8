import type { Tx } from "@/lib/db/client.ts";
import type { CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";

/**
 * SLA due times for a new (or re-prioritised) ticket. Wall-clock minutes for now; business hours
 * (SlaPolicy.businessHours) will be computed here too, so callers never do the arithmetic.
 */

export type SlaTargets = { firstResponseMinutes: number; resolutionMinutes: number };
export type SlaDueTimes = { firstResponseDueAt: Date; resolutionDueAt: Date };

export type SlaPolicyCandidate = SlaTargets & {
  id: string;
  priority: TicketPriority | null;
  tier: CustomerTier | null;
  createdAt: Date;
};

/** Used when no policy of the store matches. */
export const DEFAULT_SLA_TARGETS: SlaTargets = { firstResponseMinutes: 60, resolutionMinutes: 24 * 60 };

function specificity(policy: SlaPolicyCandidate): number {
  // A priority match outranks a tier match: priority is what the agent set for this ticket.
  return (policy.priority !== null ? 2 : 0) + (policy.tier !== null ? 1 : 0);
}

/** The most specific policy matching the ticket (null fields match anything); the oldest wins a tie. */
export function pickSlaPolicy(
  policies: readonly SlaPolicyCandidate[],
  ticket: { priority: TicketPriority; tier: CustomerTier },
): SlaPolicyCandidate | null {
  const matching = policies.filter(
    (policy) => (policy.priority === null || policy.priority === ticket.priority) && (policy.tier === null || policy.tier === ticket.tier),
  );
  matching.sort((a, b) => specificity(b) - specificity(a) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return matching[0] ?? null;
}

/** Due times counted from `start`, moved forward by time already spent waiting on the customer. */
export function slaDueTimes(start: Date, targets: SlaTargets, pausedSeconds = 0): SlaDueTimes {
  const base = start.getTime() + pausedSeconds * 1000;
  return {
    firstResponseDueAt: new Date(base + targets.firstResponseMinutes * 60_000),
    resolutionDueAt: new Date(base + targets.resolutionMinutes * 60_000),
  };
}

export async function computeSlaDueTimes(
  tx: Tx,
  input: { storeId: string; priority: TicketPriority; tier: CustomerTier; start: Date; pausedSeconds?: number },
): Promise<SlaDueTimes> {
  const policies = await tx.slaPolicy.findMany({
    where: {
      storeId: input.storeId,
      OR: [{ priority: input.priority }, { priority: null }],
      AND: [{ OR: [{ tier: input.tier }, { tier: null }] }],
    },
    select: { id: true, priority: true, tier: true, firstResponseMinutes: true, resolutionMinutes: true, createdAt: true },
  });
  const policy = pickSlaPolicy(policies, input);
  return slaDueTimes(input.start, policy ?? DEFAULT_SLA_TARGETS, input.pausedSeconds);
}
