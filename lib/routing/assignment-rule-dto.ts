import type { Tx } from "@/lib/db/client.ts";
import type { TicketPriority } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { parseAssignmentConditions } from "./assignment-rule-conditions.ts";

export type AssignmentRuleDto = {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: unknown;
  /** False when the stored conditions no longer parse: such a rule matches nothing. */
  valid: boolean;
  team: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  priority: TicketPriority | null;
  /** Watched order tickets this rule matches are work at once. */
  makesWork: boolean;
  createdAt: string;
  updatedAt: string;
};

export const assignmentRuleSelect = {
  id: true,
  name: true,
  position: true,
  enabled: true,
  conditions: true,
  teamId: true,
  assigneeId: true,
  priority: true,
  makesWork: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AssignmentRuleSelect;

export type AssignmentRuleRow = Prisma.AssignmentRuleGetPayload<{ select: typeof assignmentRuleSelect }>;

/** Rules keep plain ids; the names come from the store's teams and users (a deleted one shows as null). */
export async function toAssignmentRuleDtos(tx: Tx, storeId: string, rows: readonly AssignmentRuleRow[]): Promise<AssignmentRuleDto[]> {
  const teamIds = [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
  const userIds = [...new Set(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])))];
  const teams = teamIds.length ? await tx.team.findMany({ where: { storeId, id: { in: teamIds } }, select: { id: true, name: true } }) : [];
  const users = userIds.length ? await tx.user.findMany({ where: { storeId, id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const userById = new Map(users.map((user) => [user.id, user]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    conditions: row.conditions,
    valid: parseAssignmentConditions(row.conditions) !== null,
    team: row.teamId ? (teamById.get(row.teamId) ?? null) : null,
    assignee: row.assigneeId ? (userById.get(row.assigneeId) ?? null) : null,
    priority: row.priority,
    makesWork: row.makesWork,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
