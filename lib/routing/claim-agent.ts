import type { Tx } from "@/lib/db/client.ts";
import { findAgentCandidates, type AgentScope } from "./find-agent-candidates.ts";
import { countsTowardLoad } from "./routing-statuses.ts";

type AgentUnderLock = { availability: string; capacity: number; disabled: boolean; load: number };

async function lockAgent(tx: Tx, storeId: string, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE id = ${userId}::uuid AND "storeId" = ${storeId}::uuid FOR NO KEY UPDATE SKIP LOCKED`;
  return rows.length > 0;
}

async function readAgentUnderLock(tx: Tx, storeId: string, userId: string): Promise<AgentUnderLock | undefined> {
  const rows = await tx.$queryRaw<AgentUnderLock[]>`
    SELECT u.availability::text AS availability, u.capacity, u."disabledAt" IS NOT NULL AS disabled,
      (SELECT count(*)::int FROM "Ticket" t
        WHERE t."storeId" = u."storeId" AND t."assigneeId" = u.id AND ${countsTowardLoad}) AS load
    FROM "User" u WHERE u.id = ${userId}::uuid AND u."storeId" = ${storeId}::uuid`;
  return rows[0];
}

/**
 * Picks an agent for one ticket and holds the agent's row lock until the transaction ends.
 *
 * The agent row is the claim's mutex: every automatic assignment first takes `FOR NO KEY UPDATE`
 * on the agent's row, and only then, in a separate statement, counts the agent's open tickets.
 * Under READ COMMITTED that second statement's snapshot is taken after the lock is ours, so it
 * sees every assignment committed by whoever held the lock before: two routings can never both
 * see "one slot left" for the same agent. (Counting in the locking statement itself would read a
 * snapshot taken before the lock was granted.) SKIP LOCKED moves on to the next least-loaded agent
 * instead of queueing behind a busy one; a ticket that finds every agent locked or full stays in
 * the queue for the next drain. NO KEY UPDATE rather than UPDATE: the foreign-key checks of
 * ordinary ticket writes take KEY SHARE on the same row and must not wait for routing.
 */
export async function claimAgentInTx(tx: Tx, storeId: string, scope: AgentScope): Promise<string | null> {
  const candidates = await findAgentCandidates(tx, storeId, scope);
  for (const candidate of candidates) {
    if (!(await lockAgent(tx, storeId, candidate.id))) continue;
    const agent = await readAgentUnderLock(tx, storeId, candidate.id);
    if (agent && agent.availability === "ONLINE" && !agent.disabled && agent.load < agent.capacity) return candidate.id;
  }
  return null;
}
