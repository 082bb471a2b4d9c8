import { randomBytes } from "node:crypto";
import pg from "pg";

// Only the server is taken from DATABASE_URL: each throwaway database is a database of its own on it.
const SERVER_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Empty databases for tests that need a schema of their own (migrations); drop them with dropAll. */
export function throwawayDatabases(prefix: string) {
  const created: string[] = [];
  return {
    async create(): Promise<string> {
      const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
      await admin((client) => client.query(`create database "${name}"`));
      created.push(name);
      return withDatabase(SERVER_URL, name);
    },
    async dropAll(): Promise<void> {
      await admin(async (client) => {
        for (const name of created.splice(0)) await client.query(`drop database if exists "${name}" with (force)`);
      });
    },
  };
}

export async function queryDatabase<R extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
