import type { Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Availability, Role } from "@/lib/generated/prisma/enums.ts";
import { countsTowardLoad } from "./routing-statuses.ts";

export type AgentLoad = {
  id: string;
  name: string;
  role: Role;
  availability: Availability;
  capacity: number;
  load: number;
  team: { id: string; name: string; level: number } | null;
};

/**
 * The store's agents (and anyone else holding open tickets) with their open load against their
 * capacity: what routing decides on, shown to supervisors. `teamId` keeps one team's members.
 */
export async function listAgentLoads(tx: Tx, input: { storeId: string; teamId?: string | null }): Promise<AgentLoad[]> {
  const team = input.teamId ? Prisma.sql`AND u."teamId" = ${input.teamId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<
    { id: string; name: string; role: Role; availability: Availability; capacity: number; load: number; teamId: string | null; teamName: string | null; teamLevel: number | null }[]
  >`
    SELECT u.id, u.name, u.role::text AS role, u.availability::text AS availability, u.capacity,
           count(t.id)::int AS load, tm.id AS "teamId", tm.name AS "teamName", tm.level AS "teamLevel"
    FROM "User" u
    LEFT JOIN "Team" tm ON tm.id = u."teamId"
    LEFT JOIN "Ticket" t ON t."assigneeId" = u.id AND t."storeId" = u."storeId" AND ${countsTowardLoad}
    WHERE u."storeId" = ${input.storeId}::uuid AND u."disabledAt" IS NULL ${team}
    GROUP BY u.id, u.name, u.role, u.availability, u.capacity, tm.id, tm.name, tm.level
    HAVING u.role = 'AGENT' OR count(t.id) > 0
    ORDER BY u.name ASC, u.id ASC`;
  return rows.map(({ teamId, teamName, teamLevel, ...agent }) => ({
    ...agent,
    team: teamId && teamName !== null && teamLevel !== null ? { id: teamId, name: teamName, level: teamLevel } : null,
  }));
}
