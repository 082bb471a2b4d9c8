// Applies prisma/migrations at start-up with plain `pg`, because `prisma migrate deploy` needs the
// native schema engine, which cannot be installed everywhere Tern runs. It keeps Prisma's layout
// and its `_prisma_migrations` bookkeeping, so the native CLI accepts a database migrated here.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export type ApplyMigrationsOptions = {
  log?: (line: string) => void;
  /** Defaults to the repository's prisma/migrations; tests point it at a copy. */
  migrationsDir?: string;
};

export type ApplyMigrationsResult = { applied: string[] };

type Migration = { name: string; sql: string; checksum: string };

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

// The key `prisma migrate deploy` locks too, so this migrator and the native one also exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

// Resolved from this file rather than the cwd: the server, tests and scripts start from different
// places. Lazily, so that merely importing this module from a bundle with a non-file URL is harmless.
function defaultMigrationsDir(): string {
  return fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
}

// Prisma's own definition, column for column: the native CLI reads and writes this table.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: sha256(sql) };
    });
}

// Prisma accepts a file whose only change is CRLF vs LF (a Windows checkout), so do the same.
function checksumMatches(migration: Migration, recorded: string): boolean {
  return recorded === migration.checksum || recorded === sha256(migration.sql.replaceAll("\r\n", "\n"));
}

/**
 * Applies every pending migration in prisma/migrations, each in its own transaction, and records it
 * in `_prisma_migrations`. Refuses (throws) when the history cannot be trusted: a recorded migration
 * failed, or an applied migration's file was edited afterwards.
 */
export async function applyMigrations(connectionString: string, opts: ApplyMigrationsOptions = {}): Promise<ApplyMigrationsResult> {
  const log = opts.log ?? (() => undefined);
  const migrations = readMigrations(opts.migrationsDir ?? defaultMigrationsDir());
  // One client for the whole run: an advisory lock belongs to the session that took it.
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      return await applyLocked(client, migrations, log);
    } finally {
      // Ending the session releases the lock anyway, so a failed unlock must not hide the real error.
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function applyLocked(client: pg.Client, migrations: Migration[], log: (line: string) => void): Promise<ApplyMigrationsResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );

  const failed = rows.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(", ");
    throw new Error(
      `refusing to migrate: migration ${names} failed earlier and is recorded as failed in _prisma_migrations. ` +
        `Repair the database by hand, then mark it with \`prisma migrate resolve --rolled-back <name>\` ` +
        `(or delete its row) before starting again.`,
    );
  }

  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  for (const row of rows) {
    applied.add(row.migration_name);
    const migration = byName.get(row.migration_name);
    if (!migration) {
      // Prisma only warns here too: an older build may be running against a newer database.
      log(`migration ${row.migration_name} is recorded in the database but missing from the migrations folder`);
      continue;
    }
    if (!checksumMatches(migration, row.checksum)) {
      throw new Error(
        `refusing to migrate: migration ${row.migration_name} was modified after it was applied ` +
          `(checksum ${row.checksum} in the database, ${migration.checksum} on disk). ` +
          `Restore the original file and put the change in a new migration.`,
      );
    }
  }

  const pending = migrations.filter((migration) => !applied.has(migration.name));
  if (pending.length === 0) {
    log("database is up to date");
    return { applied: [] };
  }
  for (const migration of pending) {
    log(`applying migration ${migration.name}`);
    await applyOne(client, migration);
  }
  log(`applied ${pending.length} migration(s)`);
  return { applied: pending.map((migration) => migration.name) };
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    // No parameters, so pg uses the simple query protocol, which runs a multi-statement script as is.
    await client.query(migration.sql);
    // clock_timestamp(): now() is frozen at the transaction start, which would make finished_at == started_at.
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    // The transaction leaves no trace, not even a failed row: fixing the file and restarting is safe.
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
