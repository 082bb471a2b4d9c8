import { startEmbeddedDatabase } from "./embedded.ts";

export type DatabaseServer = {
  /** Connection string for the server's maintenance database, to create and drop others. */
  adminUrl: string;
  stop: () => Promise<void>;
};

/** Tools (tests, drift check, benchmarks) share one embedded server when DATABASE_URL is unset. */
const TOOLS_EMBEDDED_PORT = Number(process.env.TERN_TEST_PG_PORT ?? 54331);
const TOOLS_EMBEDDED_DIR = ".data/test-pg";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * The PostgreSQL server that tools create their scratch databases on: DATABASE_URL's server when
 * set (the database it names is never touched), else an embedded one, so tools work on a laptop
 * with no PostgreSQL installed.
 */
export async function openDatabaseServer(): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) return { adminUrl: withDatabase(process.env.DATABASE_URL, "postgres"), stop: async () => undefined };
  const embedded = await startEmbeddedDatabase({ dataDir: TOOLS_EMBEDDED_DIR, port: TOOLS_EMBEDDED_PORT, database: "postgres" });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}
