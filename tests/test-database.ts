import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabaseServer, withDatabase } from "@/lib/db/database-server.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test run: on the server of DATABASE_URL when set,
 * else on an embedded PostgreSQL under .data/test-pg. It never touches the database DATABASE_URL names.
 */
export async function createTestDatabase(prefix = "tern_test"): Promise<TestDatabase> {
  const server = await openDatabaseServer();
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(server.adminUrl, name);
  await applyMigrations(url);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
      await server.stop();
    },
  };
}
