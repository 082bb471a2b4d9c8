import type { Tx } from "@/lib/db/client.ts";
import { directExecute, directRows } from "@/lib/db/direct-rows.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { InboundSource } from "@/lib/generated/prisma/enums.ts";
import type { InboundEventForProcessing } from "./inbound-event-types.ts";

export type ClaimInput = { workerId: string; limit: number; leaseMs: number; storeId?: string };

type ClaimedRow = {
  id: string;
  storeId: string | null;
  source: InboundSource;
  kind: string;
  payload: unknown;
  attempts: number;
  receivedAt: Date;
};

const SOURCES_BY_URGENCY: readonly InboundSource[] = ["TELEGRAM", "BIGCOMMERCE"];

/**
 * Takes up to `limit` due events for this worker, Telegram updates first (customers waiting in a
 * chat must not wait behind thousands of queued order webhooks on a sale day), then the oldest due
 * store events. One statement: each source's due events are read through its own index, and the
 * store events are read (and locked) only for the places the Telegram updates left.
 * SKIP LOCKED lets several processes claim at once without waiting on or double-taking each
 * other's rows. A claim is a lease: nextAttemptAt moves to the lease's end, so a PROCESSING event
 * whose worker died becomes due again by itself (the index on source, status and nextAttemptAt
 * serves fresh, retried and abandoned events alike). Times come from the database clock, so
 * workers on machines with skewed clocks agree. `storeId` narrows the claim for tests that share
 * one database.
 */
export async function claimInboundEvents(db: Tx, input: ClaimInput): Promise<InboundEventForProcessing[]> {
  const leaseSeconds = input.leaseMs / 1000;
  const storeId = input.storeId ?? null;
  const due = (source: InboundSource) => Prisma.sql`
    SELECT id FROM "InboundEvent"
    WHERE source = ${source}::"InboundSource" AND status IN ('PENDING', 'FAILED', 'PROCESSING') AND "nextAttemptAt" <= now()
      AND (${storeId}::uuid IS NULL OR "storeId" = ${storeId}::uuid)
    ORDER BY "nextAttemptAt"
    LIMIT ${input.limit}
    FOR UPDATE SKIP LOCKED`;
  // A CTE is evaluated only as far as its reader asks: with the limit filled by Telegram updates,
  // no store event is read or locked.
  const claimed = await directRows<ClaimedRow>(db, Prisma.sql`
    WITH telegram AS (${due("TELEGRAM")}),
         store AS (${due("BIGCOMMERCE")}),
         due AS ((SELECT id FROM telegram) UNION ALL (SELECT id FROM store) LIMIT ${input.limit})
    UPDATE "InboundEvent" AS event
    SET status = 'PROCESSING', attempts = event.attempts + 1, "lockedAt" = now(), "lockedBy" = ${input.workerId},
        "nextAttemptAt" = now() + make_interval(secs => ${leaseSeconds}::float8)
    FROM due
    WHERE event.id = due.id
    RETURNING event.id, event."storeId", event.source, event.kind, event.payload, event.attempts, event."receivedAt"`);
  const claimedAt = Date.now();
  // RETURNING has no order: hand them over oldest first within each source.
  const oldestFirst = (a: ClaimedRow, b: ClaimedRow) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id);
  return SOURCES_BY_URGENCY.flatMap((source) => claimed.filter((row) => row.source === source).sort(oldestFirst)).map((row) => ({ ...row, claimedAt }));
}

/** Keeps this worker's claims alive while it is still working on them (see runInboundBatch). */
export async function renewLeases(db: Tx, eventIds: string[], workerId: string, leaseMs: number): Promise<void> {
  if (eventIds.length === 0) return;
  await directExecute(db, Prisma.sql`
    UPDATE "InboundEvent" SET "nextAttemptAt" = now() + make_interval(secs => ${leaseMs / 1000}::float8)
    WHERE id = ANY(${eventIds}::uuid[]) AND status = 'PROCESSING' AND "lockedBy" = ${workerId}`);
}
