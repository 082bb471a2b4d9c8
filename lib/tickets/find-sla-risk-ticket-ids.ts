import type { Db } from "@/lib/db/client.ts";
import { SLA_RISK_REMAINING_SHARE } from "./sla-risk.ts";

/**
 * Ids of the store's tickets whose SLA is at risk or breached: the SQL twin of slaRisk() in
 * sla-risk.ts (Prisma cannot compare two columns with arithmetic). Keep the two in step.
 */
export async function findSlaRiskTicketIds(db: Db, storeId: string, now: Date = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Ticket"
    WHERE "storeId" = ${storeId}::uuid
      AND "status" NOT IN ('WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')
      AND (
        "firstResponseBreached" OR "resolutionBreached"
        OR ("firstResponseAt" IS NULL AND "firstResponseDueAt" - ${now}::timestamptz < ("firstResponseDueAt" - "createdAt") * ${SLA_RISK_REMAINING_SHARE}::float8)
        OR ("resolutionDueAt" - ${now}::timestamptz < ("resolutionDueAt" - "createdAt") * ${SLA_RISK_REMAINING_SHARE}::float8)
      )`;
  return rows.map((row) => row.id);
}
