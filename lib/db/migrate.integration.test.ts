import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate.ts";
import { queryDatabase, throwawayDatabases } from "@/lib/testing/throwaway-database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const databases = throwawayDatabases("tern_migrate_test");
const freshDatabase = () => databases.create();
const query = <R extends pg.QueryResultRow>(url: string, sql: string) => queryDatabase<R>(url, sql);
const tempDirs: string[] = [];

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tern-migrations-"));
  tempDirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

afterAll(async () => {
  await databases.dropAll();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("applies each migration once when two instances start together, then has nothing to do", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const url = await freshDatabase();

    const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    // The advisory lock serialises them: whoever waited finds everything applied.
    expect([...first.applied, ...second.applied].sort()).toEqual(migrationNames);
    expect([first.applied.length, second.applied.length].sort()).toEqual([0, migrationNames.length]);

    const rows = await query<{ migration_name: string; finished: boolean; applied_steps_count: number }>(
      url,
      `select migration_name, finished_at is not null as finished, applied_steps_count
         from "_prisma_migrations" order by migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    expect(rows.every((row) => row.finished && row.applied_steps_count === 1)).toBe(true);

    const third = await applyMigrations(url);
    expect(third.applied).toEqual([]);
    const count = await query<{ n: number }>(url, `select count(*)::int as n from "_prisma_migrations"`);
    expect(count[0]?.n).toBe(migrationNames.length);
  });

  it("creates _prisma_migrations with the columns Prisma's own migrate expects", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `select column_name, data_type, is_nullable from information_schema.columns
        where table_name = '_prisma_migrations' order by ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
    ]);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    await applyMigrations(url, { migrationsDir: dir });
    appendFileSync(path.join(dir, migrationNames[0] ?? "", "migration.sql"), "\n-- edited afterwards\n");
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/was modified after it was applied/);
  });

  it("refuses to start when a recorded migration failed", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    await query(
      url,
      `insert into "_prisma_migrations" (id, checksum, migration_name, logs)
       values ('00000000-0000-0000-0000-000000000000', repeat('0', 64), '29990101000000_broken', 'boom')`,
    );
    await expect(applyMigrations(url)).rejects.toThrow(/29990101000000_broken failed earlier/);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    const broken = "29990101000000_broken";
    mkdirSync(path.join(dir, broken));
    writeFileSync(path.join(dir, broken, "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT no_such_function();\n');

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const half = await query<{ t: string | null }>(url, `select to_regclass('"Half"')::text as t`);
    expect(half[0]?.t).toBeNull();
    const rows = await query<{ migration_name: string }>(url, `select migration_name from "_prisma_migrations" order by 1`);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
  });
});
