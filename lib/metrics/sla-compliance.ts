import type { Tx } from "@/lib/db/client.ts";
import type { MetricsRange } from "./metrics-range.ts";
import { ticketTeamFilter } from "./team-filter.ts";

export type ComplianceCounts = { met: number; missed: number; percentMet: number | null };
export type ComplianceGroup = { id: string | null; name: string; firstResponse: ComplianceCounts; resolution: ComplianceCounts; overall: ComplianceCounts };
export type SlaCompliance = { overall: ComplianceGroup; byAgent: ComplianceGroup[]; byTeam: ComplianceGroup[] };

type Row = { agentId: string | null; teamId: string | null; kind: "FIRST_RESPONSE" | "RESOLUTION"; met: boolean; count: number };

function counts(met: number, missed: number): ComplianceCounts {
  return { met, missed, percentMet: met + missed > 0 ? Math.round((met / (met + missed)) * 1000) / 10 : null };
}

function group(id: string | null, name: string, rows: readonly Row[]): ComplianceGroup {
  const sum = (kind: Row["kind"] | null, met: boolean) =>
    rows.filter((row) => (kind === null || row.kind === kind) && row.met === met).reduce((total, row) => total + row.count, 0);
  return {
    id,
    name,
    firstResponse: counts(sum("FIRST_RESPONSE", true), sum("FIRST_RESPONSE", false)),
    resolution: counts(sum("RESOLUTION", true), sum("RESOLUTION", false)),
    overall: counts(sum(null, true), sum(null, false)),
  };
}

/**
 * Share of SLA targets met in the range, overall, per agent (the ticket's assignee) and per team.
 * A target counts once its outcome is known: met or late when the reply or resolution happened in
 * the range, missed when a still-open clock breached in the range.
 */
export async function slaCompliance(tx: Tx, input: { storeId: string; range: MetricsRange; teamId?: string | null }): Promise<SlaCompliance> {
  const { storeId, range } = input;
  const team = ticketTeamFilter(input.teamId);
  const rows = await tx.$queryRaw<Row[]>`
    WITH outcomes AS (
      SELECT t."assigneeId" AS "agentId", COALESCE(t."teamId", u."teamId") AS "teamId", 'FIRST_RESPONSE' AS kind,
             (t."firstResponseAt" IS NOT NULL AND NOT t."firstResponseBreached" AND t."firstResponseAt" <= t."firstResponseDueAt") AS met
      FROM "Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"
      WHERE t."storeId" = ${storeId}::uuid AND t."firstResponseDueAt" IS NOT NULL ${team}
        AND ((t."firstResponseAt" >= ${range.start}::timestamptz AND t."firstResponseAt" < ${range.end}::timestamptz)
          OR (t."firstResponseAt" IS NULL AND t."firstResponseBreached"
              AND t."firstResponseDueAt" >= ${range.start}::timestamptz AND t."firstResponseDueAt" < ${range.end}::timestamptz))
      UNION ALL
      SELECT t."assigneeId", COALESCE(t."teamId", u."teamId"), 'RESOLUTION',
             (t."resolvedAt" IS NOT NULL AND NOT t."resolutionBreached" AND t."resolvedAt" <= t."resolutionDueAt")
      FROM "Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"
      WHERE t."storeId" = ${storeId}::uuid AND t."resolutionDueAt" IS NOT NULL ${team}
        AND ((t."resolvedAt" >= ${range.start}::timestamptz AND t."resolvedAt" < ${range.end}::timestamptz)
          OR (t."resolvedAt" IS NULL AND t."resolutionBreached"
              AND t."resolutionDueAt" >= ${range.start}::timestamptz AND t."resolutionDueAt" < ${range.end}::timestamptz))
    )
    SELECT "agentId", "teamId", kind, met, count(*)::int AS count FROM outcomes GROUP BY "agentId", "teamId", kind, met`;

  const agentIds = [...new Set(rows.flatMap((row) => (row.agentId ? [row.agentId] : [])))];
  const teamIds = [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
  const agents = agentIds.length ? await tx.user.findMany({ where: { storeId, id: { in: agentIds } }, select: { id: true, name: true } }) : [];
  const teams = teamIds.length ? await tx.team.findMany({ where: { storeId, id: { in: teamIds } }, select: { id: true, name: true } }) : [];
  const name = (list: { id: string; name: string }[], id: string | null, none: string) => (id ? (list.find((item) => item.id === id)?.name ?? "Removed") : none);
  const byKey = <K extends "agentId" | "teamId">(key: K, list: { id: string; name: string }[], none: string) =>
    [...new Set(rows.map((row) => row[key]))]
      .map((id) => group(id, name(list, id, none), rows.filter((row) => row[key] === id)))
      .sort((a, b) => a.name.localeCompare(b.name));
  return { overall: group(null, "All", rows), byAgent: byKey("agentId", agents, "Unassigned"), byTeam: byKey("teamId", teams, "No team") };
}
