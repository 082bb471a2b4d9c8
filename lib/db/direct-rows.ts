import type pg from "pg";
import { processShared } from "@/lib/config/process-registry.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

type PoolOf = { pool: pg.Pool; name?: (query: { sql: string }) => string };
type RawCapable = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };

// Keyed by the Prisma client object: a transaction is another object, so it never takes the pool.
// In the process registry: the web process loads this module twice (server.ts and Next's bundle)
// and shares one client between them (client.ts).
const { pools } = processShared("db/direct-rows", () => ({ pools: new WeakMap<object, PoolOf>() }));

/** Called by createDb: the pool it lent to Prisma, and how it names statements. */
export function shareDirectPool(client: object, pool: pg.Pool, name?: (query: { sql: string }) => string): void {
  pools.set(client, { pool, name });
}

/**
 * The rows of a raw statement, for the few that run on every event (claims, the thread read, the
 * status notes). On a client made by createDb they run on node-postgres, on the pool Prisma uses:
 * a raw statement through Prisma cost 0.15–0.25 ms of CPU, 0.065 ms this way (docs/performance.md),
 * since Prisma's engine serialises every argument and every row. On a transaction (its own
 * connection), or once the pool is ended, they go through Prisma.
 *
 * The rows are node-postgres's: `int8` and `numeric` columns come back as strings, where Prisma
 * gives `bigint` and `Decimal`. Callers select or convert accordingly.
 */
export async function directRows<T>(db: RawCapable, query: Prisma.Sql): Promise<T[]> {
  const result = await onSharedPool(db, query);
  return result ? (result.rows as T[]) : db.$queryRaw<T[]>(query);
}

/** The number of rows a raw statement changed, run as directRows runs it. */
export async function directExecute(db: RawCapable & { $executeRaw(query: Prisma.Sql): Promise<number> }, query: Prisma.Sql): Promise<number> {
  const result = await onSharedPool(db, query);
  return result ? (result.rowCount ?? 0) : db.$executeRaw(query);
}

async function onSharedPool(db: object, query: Prisma.Sql): Promise<pg.QueryResult | null> {
  const shared = pools.get(db);
  if (!shared || shared.pool.ending) return null;
  const text = query.text;
  return shared.pool.query({ text, values: query.values as unknown[], name: shared.name?.({ sql: text }) || undefined });
}
