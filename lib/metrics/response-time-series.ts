import type { Tx } from "@/lib/db/client.ts";
import type { MetricsRange } from "./metrics-range.ts";
import { ticketTeamFilter } from "./team-filter.ts";

export type TimeStats = { count: number; medianSeconds: number | null; p90Seconds: number | null };
export type ResponseTimePoint = { day: string; firstResponse: TimeStats; resolution: TimeStats };
export type ResponseTimes = { series: ResponseTimePoint[]; overall: { firstResponse: TimeStats; resolution: TimeStats } };

type Row = { day: string | null; metric: "first_response" | "resolution"; count: number; median: number | null; p90: number | null };

const EMPTY: TimeStats = { count: 0, medianSeconds: null, p90Seconds: null };

/**
 * First-response and resolution times (median and 90th percentile, calendar time from creation)
 * per day of the range in the store's zone, and over the whole range. A ticket counts on the day
 * its reply or resolution happened.
 */
export async function responseTimeSeries(tx: Tx, input: { storeId: string; range: MetricsRange; teamId?: string | null }): Promise<ResponseTimes> {
  const { storeId, range } = input;
  const team = ticketTeamFilter(input.teamId);
  const rows = await tx.$queryRaw<Row[]>`
    WITH samples AS (
      SELECT to_char(t."firstResponseAt" AT TIME ZONE ${range.timeZone}, 'YYYY-MM-DD') AS day, 'first_response' AS metric,
             GREATEST(EXTRACT(EPOCH FROM t."firstResponseAt" - COALESCE(t."workSince", t."createdAt")), 0)::float8 AS seconds
      FROM "Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"
      WHERE t."storeId" = ${storeId}::uuid AND t."firstResponseAt" >= ${range.start}::timestamptz AND t."firstResponseAt" < ${range.end}::timestamptz ${team}
      UNION ALL
      SELECT to_char(t."resolvedAt" AT TIME ZONE ${range.timeZone}, 'YYYY-MM-DD'), 'resolution',
             GREATEST(EXTRACT(EPOCH FROM t."resolvedAt" - COALESCE(t."workSince", t."createdAt")), 0)::float8
      FROM "Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"
      WHERE t."storeId" = ${storeId}::uuid AND t."resolvedAt" >= ${range.start}::timestamptz AND t."resolvedAt" < ${range.end}::timestamptz ${team}
    )
    SELECT day, metric, count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
    FROM samples
    GROUP BY GROUPING SETS ((day, metric), (metric))`;

  const stats = (row: Row | undefined): TimeStats => (row ? { count: row.count, medianSeconds: row.median, p90Seconds: row.p90 } : EMPTY);
  const find = (day: string | null, metric: Row["metric"]) => rows.find((row) => row.day === day && row.metric === metric);
  return {
    series: range.days.map((day) => ({ day, firstResponse: stats(find(day, "first_response")), resolution: stats(find(day, "resolution")) })),
    overall: { firstResponse: stats(find(null, "first_response")), resolution: stats(find(null, "resolution")) },
  };
}
