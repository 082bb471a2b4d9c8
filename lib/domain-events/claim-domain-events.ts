import type { Db } from "@/lib/db/client.ts";
import { directExecute, directRows } from "@/lib/db/direct-rows.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { DomainEvent, DomainEventData, DomainEventType } from "./domain-event.ts";

// id: a string on node-postgres, a bigint through Prisma (directRows).
type ClaimedRow = { id: bigint | string; storeId: string; type: DomainEventType; ticketId: string | null; data: DomainEventData | null; attempts: number };

/**
 * Takes up to `limit` events that are due, oldest first, for `leaseMs`: another dispatcher skips
 * them meanwhile, and if this one dies before it settles them they are due again when the lease
 * ends. `storeIds` keeps a dispatcher to some stores (tests share one database). `deleting`: events
 * this dispatcher delivered earlier, deleted by the same statement (one round trip less per batch;
 * still claimed by their lease, so no one takes them meanwhile).
 */
export async function claimDomainEvents(
  db: Db,
  options: { limit: number; leaseMs: number; storeIds?: readonly string[]; deleting?: readonly bigint[] },
): Promise<DomainEvent[]> {
  const { limit, leaseMs, storeIds } = options;
  const deleting = (options.deleting ?? []).map(String);
  const rows = await directRows<ClaimedRow>(db, Prisma.sql`
    WITH gone AS (DELETE FROM "DomainEvent" WHERE "id" = ANY(${deleting}::bigint[]))
    UPDATE "DomainEvent" SET "availableAt" = now() + ${leaseMs} * interval '1 millisecond', "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "DomainEvent"
      WHERE "availableAt" <= now() AND (${storeIds ?? null}::uuid[] IS NULL OR "storeId" = ANY(${storeIds ?? null}::uuid[]))
      ORDER BY "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "storeId", "type", "ticketId", "data", "attempts"`);
  return rows.map((row) => ({ ...row, id: BigInt(row.id), data: row.data ?? {} })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Delivered (or given up on): gone. */
export async function deleteDomainEvents(db: Db, ids: readonly bigint[]): Promise<void> {
  if (ids.length) await directExecute(db, Prisma.sql`DELETE FROM "DomainEvent" WHERE "id" = ANY(${ids.map(String)}::bigint[])`);
}

/** Due again after `delayMs`. */
export async function postponeDomainEvents(db: Db, ids: readonly bigint[], delayMs: number): Promise<void> {
  if (ids.length) await directExecute(db, Prisma.sql`UPDATE "DomainEvent" SET "availableAt" = now() + ${delayMs} * interval '1 millisecond' WHERE "id" = ANY(${ids.map(String)}::bigint[])`);
}
