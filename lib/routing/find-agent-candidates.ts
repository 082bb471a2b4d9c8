import type { Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { countsTowardLoad } from "./routing-statuses.ts";

export type AgentCandidate = { id: string; name: string; load: number; capacity: number };

export type AgentScope = {
  /** The team whose members may take the ticket; null means anyone outside level-2 teams. */
  teamId: string | null;
  /** Only this agent, whatever their team (a rule naming one). */
  agentId?: string | null;
  excludeUserIds?: readonly string[];
};

/**
 * Online, enabled agents of the scope with room under their capacity, least loaded first. A read
 * without locks: claim-agent.ts re-checks each candidate under its row lock before using it.
 */
export async function findAgentCandidates(tx: Tx, storeId: string, scope: AgentScope): Promise<AgentCandidate[]> {
  // A named agent is asked regardless of team; otherwise the team decides who may take the ticket.
  const who = scope.agentId
    ? Prisma.sql`u.id = ${scope.agentId}::uuid`
    : scope.teamId === null
      ? Prisma.sql`(u."teamId" IS NULL OR tm.level < 2)`
      : Prisma.sql`u."teamId" = ${scope.teamId}::uuid`;
  const excluded = scope.excludeUserIds?.length
    ? Prisma.sql`AND u.id NOT IN (${Prisma.join(scope.excludeUserIds.map((id) => Prisma.sql`${id}::uuid`))})`
    : Prisma.empty;
  return tx.$queryRaw<AgentCandidate[]>`
    SELECT u.id, u.name, u.capacity, count(t.id)::int AS load
    FROM "User" u
    LEFT JOIN "Team" tm ON tm.id = u."teamId"
    LEFT JOIN "Ticket" t ON t."assigneeId" = u.id AND t."storeId" = u."storeId" AND ${countsTowardLoad}
    WHERE u."storeId" = ${storeId}::uuid
      AND u.role = 'AGENT'
      AND u.availability = 'ONLINE'
      AND u."disabledAt" IS NULL
      AND u.capacity > 0
      AND ${who} ${excluded}
    GROUP BY u.id, u.name, u.capacity
    HAVING count(t.id) < u.capacity
    ORDER BY count(t.id) ASC, count(t.id)::float / u.capacity ASC, u.id ASC`;
}
