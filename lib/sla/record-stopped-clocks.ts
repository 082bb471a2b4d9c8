import type { Db } from "@/lib/db/client.ts";
import type { SlaEventPayload } from "@/lib/realtime/events.ts";

// Clocks that stopped this long ago or less are (re)checked on every pass; the unique key makes that free.
const LOOKBACK_MS = 24 * 3600 * 1000;

type StoppedRow = { ticketId: string; number: number; kind: SlaEventPayload["kind"]; type: SlaEventPayload["type"]; at: Date; dueAt: Date };

/**
 * Records how recently stopped clocks ended: MET when the first reply or the resolution came by
 * the due time, BREACH (at the due time) when it came late without the scheduler having seen the
 * breach while the clock ran (it was down, or the reply landed between two passes). A late one
 * also gets the ticket's breach flag. Returns the events this call wrote.
 */
export async function recordStoppedClocks(db: Db, input: { storeId: string; now: Date }): Promise<SlaEventPayload[]> {
  const { storeId, now } = input;
  const since = new Date(now.getTime() - LOOKBACK_MS);
  // gen_random_uuid(): ids need not be time-ordered here, events are read by time.
  const rows = await db.$queryRaw<StoppedRow[]>`
    WITH stopped AS (
      SELECT t.id AS "ticketId", t.number, 'FIRST_RESPONSE'::"SlaClockKind" AS kind, t."firstResponseAt" AS stopped_at,
             t."firstResponseDueAt" AS "dueAt", t."assigneeId", t."teamId"
      FROM "Ticket" t
      WHERE t."storeId" = ${storeId}::uuid AND t."firstResponseAt" >= ${since}::timestamptz AND t."firstResponseAt" <= ${now}::timestamptz
        AND t."firstResponseDueAt" IS NOT NULL
      UNION ALL
      SELECT t.id, t.number, 'RESOLUTION'::"SlaClockKind", t."resolvedAt", t."resolutionDueAt", t."assigneeId", t."teamId"
      FROM "Ticket" t
      WHERE t."storeId" = ${storeId}::uuid AND t."resolvedAt" >= ${since}::timestamptz AND t."resolvedAt" <= ${now}::timestamptz
        AND t."resolutionDueAt" IS NOT NULL
    ),
    outcome AS (
      SELECT s.*, CASE WHEN s.stopped_at <= s."dueAt" THEN 'MET' ELSE 'BREACH' END::"SlaEventType" AS type
      FROM stopped s
      -- A breach seen while the clock ran is already recorded: the clock then ends with no MET.
      WHERE NOT EXISTS (
        SELECT 1 FROM "SlaEvent" e
        WHERE e."ticketId" = s."ticketId" AND e.kind = s.kind AND e."dueAt" = s."dueAt" AND e.type = 'BREACH')
    ),
    inserted AS (
      INSERT INTO "SlaEvent" (id, "storeId", "ticketId", kind, type, "dueAt", at, "assigneeId", "teamId")
      SELECT gen_random_uuid(), ${storeId}::uuid, o."ticketId", o.kind, o.type, o."dueAt",
             CASE WHEN o.type = 'MET' THEN o.stopped_at ELSE o."dueAt" END, o."assigneeId", o."teamId"
      FROM outcome o
      ON CONFLICT ("ticketId", kind, type, "dueAt") DO NOTHING
      RETURNING "ticketId", kind, type, at, "dueAt"
    )
    SELECT i."ticketId", o.number, i.kind::text AS kind, i.type::text AS type, i.at, i."dueAt"
    FROM inserted i JOIN outcome o ON o."ticketId" = i."ticketId" AND o.kind = i.kind`;

  const late = rows.filter((row) => row.type === "BREACH");
  for (const kind of ["FIRST_RESPONSE", "RESOLUTION"] as const) {
    const ids = late.filter((row) => row.kind === kind).map((row) => row.ticketId);
    if (!ids.length) continue;
    await db.ticket.updateMany({
      where: { storeId, id: { in: ids } },
      data: kind === "FIRST_RESPONSE" ? { firstResponseBreached: true } : { resolutionBreached: true },
    });
  }
  return rows.map((row) => ({
    ticketId: row.ticketId,
    ticketNumber: row.number,
    kind: row.kind,
    type: row.type,
    at: row.at.toISOString(),
    dueAt: row.dueAt.toISOString(),
  }));
}
