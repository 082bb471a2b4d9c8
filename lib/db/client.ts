import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { processShared } from "@/lib/config/process-registry.ts";
import { shareDirectPool } from "./direct-rows.ts";

export type Db = InstanceType<typeof PrismaClient>;
/** A Prisma client or an interactive transaction: helpers accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// The custom server (tsx) and Next's bundle load this module separately in the web process; the
// process registry gives both the same pool.
const globalForDb = processShared<{ ternDb?: Db; ternDbUrl?: string; ternDbOptions?: DbOptions }>("db/client", () => ({}));

export type DbOptions = {
  /** Connections in the pool (default TERN_DB_POOL_SIZE, else 10). */
  poolSize?: number;
  /**
   * Named prepared statements: each connection has PostgreSQL parse and plan a query text once,
   * not on every run. For a thread with a small, fixed set of query shapes (the inbound worker),
   * where planning was a quarter of the database's time per event; the API's ad-hoc queue and
   * search queries keep per-run plans, which suit their skewed data better.
   */
  cacheStatements?: boolean;
};

// Bounded: a query text beyond this many distinct ones runs unnamed (pg keeps every name it prepared).
const MAX_NAMED_STATEMENTS = 500;

function statementNamer(): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      name = names.size < MAX_NAMED_STATEMENTS ? `tern_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}` : "";
      if (name) names.set(sql, name);
    }
    return name;
  };
}

/** Options for this thread's client; call before the first db(). */
export function configureDb(options: DbOptions): void {
  globalForDb.ternDbOptions = options;
}

export function databaseUrl(): string {
  const url = runtimeConfig().databaseUrl;
  if (!url) throw new Error("No database: set DATABASE_URL, or start Tern through server.ts, which starts the embedded database");
  return url;
}

export function createDb(connectionString: string, options: DbOptions = {}): Db {
  const max = options.poolSize ?? Number(process.env.TERN_DB_POOL_SIZE ?? 10);
  const statementNameGenerator = options.cacheStatements ? statementNamer() : undefined;
  // Tern's pool, lent to Prisma: the hot raw statements run on it directly (direct-rows.ts).
  // $disconnect ends it (disposeExternalPool); Prisma makes a pool of its own if used again after that.
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection's error (the database restarting) must not end the process before Prisma,
  // which listens from its first query, has connected.
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator, disposeExternalPool: true }) });
  shareDirectPool(client, pool, statementNameGenerator);
  return client;
}

/** The process-wide client for DATABASE_URL. */
export function db(): Db {
  const url = databaseUrl();
  if (!globalForDb.ternDb || globalForDb.ternDbUrl !== url) {
    globalForDb.ternDb = createDb(url, globalForDb.ternDbOptions);
    globalForDb.ternDbUrl = url;
  }
  return globalForDb.ternDb;
}
