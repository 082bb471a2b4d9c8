export type EscalationPolicyCandidate = { id: string; name: string; category: string | null; thresholdShare: number; targetTeamId: string | null; createdAt: Date };

/**
 * The escalation policy for a ticket's category: a policy naming the category (case-insensitive)
 * wins over a catch-all (no category); the oldest wins a tie. Only enabled policies are passed in.
 */
export function pickEscalationPolicy<P extends EscalationPolicyCandidate>(policies: readonly P[], category: string | null): P | null {
  const wanted = category?.trim().toLowerCase() ?? null;
  const named = policies.filter((policy) => policy.category !== null && wanted !== null && policy.category.trim().toLowerCase() === wanted);
  const pool = named.length ? named : policies.filter((policy) => policy.category === null);
  return [...pool].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0] ?? null;
}
