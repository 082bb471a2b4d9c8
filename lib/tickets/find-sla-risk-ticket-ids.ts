import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { SLA_RISK_REMAINING_SHARE, SLA_STOPPED_STATUSES } from "@/lib/ticket-lifecycle/sla-risk.ts";
import { statusListSql } from "@/lib/ticket-lifecycle/status-sql.ts";

/**
 * "SLA at risk or breached" as a condition on the ticket `t`: the SQL twin of slaRisk() in
 * sla-risk.ts (Prisma cannot compare two columns with arithmetic). Keep the two in step. The queue
 * puts it into its page query (list-tickets.ts), so PostgreSQL stops after one page of the newest
 * at-risk tickets instead of collecting every one of them first.
 */
export function slaRiskCondition(now: Date): Prisma.Sql {
  return Prisma.sql`(t."status" NOT IN (${statusListSql(SLA_STOPPED_STATUSES)})
    AND (
      t."firstResponseBreached" OR t."resolutionBreached"
      OR (t."firstResponseAt" IS NULL AND t."firstResponseDueAt" - ${now}::timestamptz < (t."firstResponseDueAt" - COALESCE(t."workSince", t."createdAt")) * ${SLA_RISK_REMAINING_SHARE}::float8)
      OR (t."resolutionDueAt" - ${now}::timestamptz < (t."resolutionDueAt" - COALESCE(t."workSince", t."createdAt")) * ${SLA_RISK_REMAINING_SHARE}::float8)
    ))`;
}

/** Ids of every one of the store's tickets whose SLA is at risk or breached. */
export async function findSlaRiskTicketIds(db: Db, storeId: string, now: Date = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "Ticket" t
    WHERE t."storeId" = ${storeId}::uuid AND ${slaRiskCondition(now)}`;
  return rows.map((row) => row.id);
}
