import type { Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { MetricsRange } from "./metrics-range.ts";
import { ticketTeamFilter } from "./team-filter.ts";

export type SelfServiceSummary = {
  /** Conversations resolved without an agent in the range: the customer's "Yes" to a knowledge-base answer, nobody on the team involved. */
  deflected: number;
  /** Every ticket resolved in the range, deflected ones included. */
  resolved: number;
  /** deflected / resolved; null with nothing resolved. */
  deflectionRate: number | null;
  /** Self-service actions in the range by kind (`self_service.<kind>` audit rows), most used first. */
  byKind: { kind: string; count: number }[];
  /** The knowledge-base answer's steps: articles offered, and the customers' answers. */
  kbAnswers: { offered: number; accepted: number; declined: number };
};

const SELF_SERVICE_PREFIX = "self_service.";

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Deflection and self-service use for the dashboard. Deflection reads the explicit marker the bot
 * sets when it resolves a conversation nobody on the team touched (Ticket.selfServiceResolvedAt,
 * cleared when it is reopened), counted on its resolve time like every resolution. Use
 * by kind counts the audit rows each self-service action writes. With a team, both count only
 * that team's tickets (routed to it, else through their assignee).
 */
export async function selfServiceSummary(tx: Tx, input: { storeId: string; range: MetricsRange; teamId?: string | null }): Promise<SelfServiceSummary> {
  const { storeId, range } = input;
  const team = ticketTeamFilter(input.teamId);
  const [resolution] = await tx.$queryRaw<{ resolved: number; deflected: number }[]>`
    SELECT count(*)::int AS resolved, count(*) FILTER (WHERE t."selfServiceResolvedAt" IS NOT NULL)::int AS deflected
    FROM "Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"
    WHERE t."storeId" = ${storeId}::uuid AND t."resolvedAt" >= ${range.start}::timestamptz AND t."resolvedAt" < ${range.end}::timestamptz ${team}`;
  // The team is a ticket's: only then are the rows joined to their tickets.
  const teamJoin = input.teamId
    ? Prisma.sql`JOIN "Ticket" t ON t."storeId" = a."storeId" AND t.id::text = a."targetId" LEFT JOIN "User" u ON u.id = t."assigneeId"`
    : Prisma.empty;
  const rows = await tx.$queryRaw<{ action: string; outcome: string | null; count: number }[]>`
    SELECT a.action, CASE WHEN a.action = 'self_service.kb_answer' THEN a.detail->>'outcome' END AS outcome, count(*)::int AS count
    FROM "AuditLog" a ${teamJoin}
    WHERE a."storeId" = ${storeId}::uuid AND a."createdAt" >= ${range.start}::timestamptz AND a."createdAt" < ${range.end}::timestamptz
      AND a.action LIKE ${`${SELF_SERVICE_PREFIX}%`} AND a."targetType" = 'ticket' ${team}
    GROUP BY 1, 2`;

  const kinds = new Map<string, number>();
  const kbAnswers = { offered: 0, accepted: 0, declined: 0 };
  for (const row of rows) {
    const kind = row.action.slice(SELF_SERVICE_PREFIX.length);
    kinds.set(kind, (kinds.get(kind) ?? 0) + row.count);
    if (row.outcome === "offered" || row.outcome === "accepted" || row.outcome === "declined") kbAnswers[row.outcome] += row.count;
  }
  const resolved = resolution?.resolved ?? 0;
  const deflected = resolution?.deflected ?? 0;
  return {
    deflected,
    resolved,
    deflectionRate: resolved ? round(deflected / resolved) : null,
    byKind: [...kinds.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    kbAnswers,
  };
}
