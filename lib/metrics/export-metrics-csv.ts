import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { getDashboardMetrics, type DashboardFilters } from "./get-dashboard-metrics.ts";
import { resolveMetricsRange } from "./metrics-range.ts";
import { ticketTeamFilter } from "./team-filter.ts";
import { toCsv } from "./to-csv.ts";

export type MetricsReport = "tickets" | "daily" | "agents";

export type MetricsCsv = { filename: string; csv: string };

type TicketRow = {
  number: number;
  subject: string;
  status: string;
  priority: string;
  team: string | null;
  assignee: string | null;
  createdAt: Date;
  workSince: Date | null;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  firstResponseBreached: boolean;
  resolvedAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionBreached: boolean;
  csat: number | null;
  selfServiceResolvedAt: Date | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;
const seconds = (from: Date, to: Date | null) => (to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);
const round = (value: number | null) => (value === null ? null : Math.round(value));

function outcome(stoppedAt: Date | null, dueAt: Date | null, breached: boolean): string {
  if (!dueAt) return "";
  if (!stoppedAt) return breached ? "missed" : "open";
  return !breached && stoppedAt <= dueAt ? "met" : "missed";
}

/** One row per ticket created, answered or resolved in the range. */
async function ticketsCsv(db: Db, storeId: string, filters: DashboardFilters, now: Date): Promise<string> {
  const store = await db.store.findFirstOrThrow({ where: { id: storeId }, select: { timeZone: true } });
  const range = resolveMetricsRange(filters, store.timeZone, now);
  const inRange = (column: Prisma.Sql) => Prisma.sql`(${column} >= ${range.start}::timestamptz AND ${column} < ${range.end}::timestamptz)`;
  const rows = await db.$queryRaw<TicketRow[]>`
    SELECT t.number, t.subject, t.status::text AS status, t.priority::text AS priority, tm.name AS team, u.name AS assignee,
           t."createdAt", t."workSince", t."firstResponseAt", t."firstResponseDueAt", t."firstResponseBreached",
           t."resolvedAt", t."resolutionDueAt", t."resolutionBreached", c.score AS csat, t."selfServiceResolvedAt"
    FROM "Ticket" t
    LEFT JOIN "User" u ON u.id = t."assigneeId"
    LEFT JOIN "Team" tm ON tm.id = COALESCE(t."teamId", u."teamId")
    LEFT JOIN "CsatResponse" c ON c."ticketId" = t.id
    WHERE t."storeId" = ${storeId}::uuid ${ticketTeamFilter(filters.teamId)}
      AND (${inRange(Prisma.sql`t."createdAt"`)} OR ${inRange(Prisma.sql`t."firstResponseAt"`)} OR ${inRange(Prisma.sql`t."resolvedAt"`)})
    ORDER BY t.number ASC`;
  return toCsv(
    [
      "number",
      "subject",
      "status",
      "priority",
      "team",
      "assignee",
      "created_at",
      "first_response_at",
      "first_response_seconds",
      "first_response_due_at",
      "first_response_sla",
      "resolved_at",
      "resolution_seconds",
      "resolution_due_at",
      "resolution_sla",
      "csat",
      // Resolved by the customer with a knowledge-base answer, no agent involved (the dashboard's deflection).
      "self_service_resolved_at",
    ],
    rows.map((row) => [
      row.number,
      row.subject,
      row.status,
      row.priority,
      row.team,
      row.assignee,
      iso(row.createdAt),
      iso(row.firstResponseAt),
      // Clocks count from when the ticket became work (its creation, unless it was watched first).
      seconds(row.workSince ?? row.createdAt, row.firstResponseAt),
      iso(row.firstResponseDueAt),
      outcome(row.firstResponseAt, row.firstResponseDueAt, row.firstResponseBreached),
      iso(row.resolvedAt),
      seconds(row.workSince ?? row.createdAt, row.resolvedAt),
      iso(row.resolutionDueAt),
      outcome(row.resolvedAt, row.resolutionDueAt, row.resolutionBreached),
      row.csat,
      iso(row.selfServiceResolvedAt),
    ]),
  );
}

/**
 * The dashboard as CSV: `tickets` (one row per ticket with its SLA outcomes), `daily` (the
 * response-time series) or `agents` (load, SLA met and CSAT per agent).
 */
export async function exportMetricsCsv(db: Db, input: { storeId: string; report: MetricsReport; filters: DashboardFilters; now?: Date }): Promise<MetricsCsv> {
  const { storeId, report, filters } = input;
  const now = input.now ?? new Date();
  const metrics = await getDashboardMetrics(db, { storeId, filters, now });
  const filename = `tern-${report}-${metrics.range.from}-to-${metrics.range.to}.csv`;
  if (report === "tickets") return { filename, csv: await ticketsCsv(db, storeId, filters, now) };
  if (report === "daily") {
    return {
      filename,
      csv: toCsv(
        ["day", "first_responses", "first_response_median_s", "first_response_p90_s", "resolutions", "resolution_median_s", "resolution_p90_s"],
        metrics.responseTimes.series.map((point) => [
          point.day,
          point.firstResponse.count,
          round(point.firstResponse.medianSeconds),
          round(point.firstResponse.p90Seconds),
          point.resolution.count,
          round(point.resolution.medianSeconds),
          round(point.resolution.p90Seconds),
        ]),
      ),
    };
  }
  const compliance = new Map(metrics.compliance.byAgent.map((group) => [group.id, group]));
  const csat = new Map(metrics.csat.byAgent.map((agent) => [agent.id, agent]));
  return {
    filename,
    csv: toCsv(
      ["agent", "team", "availability", "capacity", "open_load", "sla_met", "sla_missed", "sla_met_percent", "csat_average", "csat_responses"],
      metrics.agents.map((agent) => {
        const sla = compliance.get(agent.id)?.overall;
        const rating = csat.get(agent.id);
        return [agent.name, agent.team?.name ?? null, agent.availability, agent.capacity, agent.load, sla?.met ?? 0, sla?.missed ?? 0, sla?.percentMet ?? null, rating?.average ?? null, rating?.responses ?? 0];
      }),
    ),
  };
}
