import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";

export type Db = InstanceType<typeof PrismaClient>;
/** A Prisma client or an interactive transaction: helpers accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// The custom server (tsx) and Next's bundle load this module separately in one process;
// caching on globalThis gives both the same pool.
const globalForDb = globalThis as unknown as { ternDb?: Db; ternDbUrl?: string };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Tern through server.ts, which starts the embedded database");
  return url;
}

export function createDb(connectionString: string, max = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

/** The process-wide client for DATABASE_URL. */
export function db(): Db {
  const url = databaseUrl();
  if (!globalForDb.ternDb || globalForDb.ternDbUrl !== url) {
    globalForDb.ternDb = createDb(url, Number(process.env.TERN_DB_POOL_SIZE ?? 10));
    globalForDb.ternDbUrl = url;
  }
  return globalForDb.ternDb;
}
