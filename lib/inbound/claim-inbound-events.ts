import type { Tx } from "@/lib/db/client.ts";
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

// Customers waiting in a Telegram chat come before store events: on a sale day thousands of
// order webhooks may be queued, and a customer's message must not wait behind them.
const SOURCES_BY_URGENCY: readonly InboundSource[] = ["TELEGRAM", "BIGCOMMERCE"];

/**
 * Takes up to `limit` due events for this worker, Telegram updates first, then the oldest due
 * store events. SKIP LOCKED lets several processes claim at once without waiting on or
 * double-taking each other's rows. A claim is a lease: nextAttemptAt moves to the lease's end, so
 * a PROCESSING event whose worker died becomes due again by itself (the index on source, status
 * and nextAttemptAt serves fresh, retried and abandoned events alike). Times come from the
 * database clock, so workers on machines with skewed clocks agree. `storeId` narrows the claim
 * for tests that share one database.
 */
export async function claimInboundEvents(db: Tx, input: ClaimInput): Promise<InboundEventForProcessing[]> {
  const claimed: ClaimedRow[] = [];
  for (const source of SOURCES_BY_URGENCY) {
    if (claimed.length >= input.limit) break;
    claimed.push(...(await claimFrom(db, source, { ...input, limit: input.limit - claimed.length })));
  }
  // RETURNING has no order: hand them over oldest first within each source.
  const oldestFirst = (a: ClaimedRow, b: ClaimedRow) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id);
  return SOURCES_BY_URGENCY.flatMap((source) => claimed.filter((row) => row.source === source).sort(oldestFirst));
}

async function claimFrom(db: Tx, source: InboundSource, input: ClaimInput): Promise<ClaimedRow[]> {
  const leaseSeconds = input.leaseMs / 1000;
  const storeId = input.storeId ?? null;
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "InboundEvent" AS event
    SET status = 'PROCESSING', attempts = event.attempts + 1, "lockedAt" = now(), "lockedBy" = ${input.workerId},
        "nextAttemptAt" = now() + make_interval(secs => ${leaseSeconds}::float8)
    FROM (
      SELECT id FROM "InboundEvent"
      WHERE source = ${source}::"InboundSource" AND status IN ('PENDING', 'FAILED', 'PROCESSING') AND "nextAttemptAt" <= now()
        AND (${storeId}::uuid IS NULL OR "storeId" = ${storeId}::uuid)
      ORDER BY "nextAttemptAt"
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE event.id = due.id
    RETURNING event.id, event."storeId", event.source, event.kind, event.payload, event.attempts, event."receivedAt"`;
}

/** Keeps this worker's claims alive while it is still working on them (see runInboundBatch). */
export async function renewLeases(db: Tx, eventIds: string[], workerId: string, leaseMs: number): Promise<void> {
  if (eventIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "InboundEvent" SET "nextAttemptAt" = now() + make_interval(secs => ${leaseMs / 1000}::float8)
    WHERE id = ANY(${eventIds}::uuid[]) AND status = 'PROCESSING' AND "lockedBy" = ${workerId}`;
}
