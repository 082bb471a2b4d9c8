import type { Db, Tx } from "@/lib/db/client.ts";
import { directRows } from "@/lib/db/direct-rows.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { InboundSource } from "@/lib/generated/prisma/enums.ts";
import { AppError } from "@/lib/errors.ts";
import { uuidV7 } from "@/lib/ids/uuid-v7.ts";
import { notifyInboundEvent } from "./inbound-signal.ts";

export type RecordInboundEventInput = {
  storeId: string | null;
  source: InboundSource;
  /** Unique across all sources and stores: a second event with this key is a duplicate. */
  dedupeKey: string;
  kind: string;
  payload: unknown;
};

export type RecordedInboundEvent = { id: string; duplicate: boolean };

type Row = { id: string; storeId: string | null; source: InboundSource; dedupeKey: string; kind: string; payload: string };
type Waiter = { resolve: (result: RecordedInboundEvent) => void; reject: (error: unknown) => void };
type Pending = { row: Row; waiters: Waiter[] };

// PostgreSQL's jsonb cannot hold U+0000 nor a lone surrogate (JSON.parse lets both through); a
// payload carrying one must still be stored, not 500. The surrogate becomes U+FFFD, as in UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storable(key) as string, storable(inner)]));
  }
  return value;
}

function payloadText(payload: unknown): string {
  const text = JSON.stringify(payload ?? null) ?? "null";
  // JSON always writes U+0000 and lone surrogates as escapes: only then is the (rare) deep clean worth its cost.
  return /\\u(0000|d[89a-f])/i.test(text) ? JSON.stringify(storable(payload) ?? null) : text;
}

function toRow(input: RecordInboundEventInput): Row {
  // kind and dedupeKey come from the sender's JSON too, and text columns cannot hold U+0000 either.
  const dedupeKey = storable(input.dedupeKey) as string;
  const kind = storable(input.kind) as string;
  return { id: uuidV7(), storeId: input.storeId, source: input.source, dedupeKey, kind, payload: payloadText(input.payload) };
}

/**
 * One INSERT for many rows, each stored, found to be a duplicate, or (null) refused because its
 * store is uninstalled: checked in the same statement, so an uninstall stops every instance's
 * receivers at once, whatever their caches still say.
 */
async function insertRows(db: Tx, rows: Row[]): Promise<Map<string, RecordedInboundEvent | null>> {
  const values = rows.map(
    (row) => Prisma.sql`(${row.id}::uuid, ${row.storeId}::uuid, ${row.source}::"InboundSource", ${row.dedupeKey}, ${row.kind}, ${row.payload}::jsonb)`,
  );
  const inserted = await directRows<{ id: string; dedupeKey: string }>(db, Prisma.sql`
    INSERT INTO "InboundEvent" (id, "storeId", source, "dedupeKey", kind, payload)
    SELECT v.id, v."storeId", v.source, v."dedupeKey", v.kind, v.payload
    FROM (VALUES ${Prisma.join(values)}) AS v(id, "storeId", source, "dedupeKey", kind, payload)
    WHERE v."storeId" IS NULL OR EXISTS (SELECT 1 FROM "Store" s WHERE s.id = v."storeId" AND s.status <> 'UNINSTALLED')
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id, "dedupeKey"`);
  const results = new Map<string, RecordedInboundEvent | null>(inserted.map((row) => [row.dedupeKey, { id: row.id, duplicate: false }]));
  const missing = rows.filter((row) => !results.has(row.dedupeKey)).map((row) => row.dedupeKey);
  if (missing.length) {
    const existing = await db.inboundEvent.findMany({ where: { dedupeKey: { in: missing } }, select: { id: true, dedupeKey: true } });
    for (const row of existing) results.set(row.dedupeKey, { id: row.id, duplicate: true });
    for (const key of missing) if (!results.has(key)) results.set(key, null);
  }
  if (inserted.length) notifyInboundEvent();
  return results;
}

function storeGone(): AppError {
  return new AppError("NOT_FOUND", "No store with this hash is installed");
}

/**
 * Concurrent webhook deliveries share INSERTs: while some inserts are in flight, new events queue
 * and go together in the next one. Nothing waits on a timer (a lone event is inserted at once),
 * each caller still returns only after its own row is committed, and a burst costs a few commits
 * instead of one per delivery. A batch that fails is retried row by row, so one bad row fails
 * only its own caller.
 */
class InsertBatcher {
  private queue = new Map<string, Pending>();
  private inFlight = 0;

  constructor(
    private readonly db: Db,
    private readonly maxInFlight = 4,
    private readonly maxBatch = 200,
  ) {}

  record(row: Row): Promise<RecordedInboundEvent> {
    return new Promise((resolve, reject) => {
      const pending = this.queue.get(row.dedupeKey);
      // The same event twice in one batch: the second caller shares the first one's row.
      if (pending) pending.waiters.push({ resolve: (result) => resolve({ id: result.id, duplicate: true }), reject });
      else this.queue.set(row.dedupeKey, { row, waiters: [{ resolve, reject }] });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.size > 0) {
      const batch = [...this.queue.values()].slice(0, this.maxBatch);
      for (const pending of batch) this.queue.delete(pending.row.dedupeKey);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    try {
      const results = await insertRows(this.db, batch.map((pending) => pending.row));
      for (const pending of batch) settle(pending, results.get(pending.row.dedupeKey));
    } catch (error) {
      if (batch.length === 1) return fail(batch[0]!, error);
      await Promise.all(
        batch.map(async (pending) => {
          try {
            settle(pending, (await insertRows(this.db, [pending.row])).get(pending.row.dedupeKey));
          } catch (single) {
            fail(pending, single);
          }
        }),
      );
    }
  }
}

function settle(pending: Pending, result: RecordedInboundEvent | null | undefined): void {
  if (result === null || result === undefined) return fail(pending, storeGone());
  for (const waiter of pending.waiters) waiter.resolve(result);
}

function fail(pending: Pending, error: unknown): void {
  for (const waiter of pending.waiters) waiter.reject(error);
}

const batchers = new WeakMap<Db, InsertBatcher>();

function isClient(db: Tx): db is Db {
  // An interactive transaction has no $transaction of its own: its rows must go in its own statements.
  return typeof (db as Partial<Db>).$transaction === "function";
}

/**
 * Stores one inbound event for the worker. When this resolves (outside a transaction) the event
 * is committed, so the webhook may acknowledge; a duplicate key changes nothing and returns the
 * stored event's id; an uninstalled store's event is refused (NOT_FOUND). Inside a caller's
 * transaction it is one statement of that transaction.
 */
export async function recordInboundEvent(db: Tx, input: RecordInboundEventInput): Promise<RecordedInboundEvent> {
  const row = toRow(input);
  if (!isClient(db)) {
    const result = (await insertRows(db, [row])).get(row.dedupeKey);
    if (!result) throw storeGone();
    return result;
  }
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new InsertBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.record(row);
}
