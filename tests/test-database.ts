import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";

export type TestDatabase = { url: string; drop: () => Promise<void> };

// Port of the embedded server the tests start when DATABASE_URL is unset (a laptop with no PostgreSQL).
const TEST_EMBEDDED_PORT = Number(process.env.TERN_TEST_PG_PORT ?? 54331);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test run: on the server of DATABASE_URL when set,
 * else on an embedded PostgreSQL under .data/test-pg. It never touches the database DATABASE_URL names.
 */
export async function createTestDatabase(prefix = "tern_test"): Promise<TestDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    embedded = await startEmbeddedDatabase({ dataDir: ".data/test-pg", port: TEST_EMBEDDED_PORT, database: "postgres" });
    adminUrl = embedded.adminUrl;
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
      await embedded?.stop();
    },
  };
}
