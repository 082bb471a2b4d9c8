// `npm run db:migration -- <name>`: writes the SQL that takes a database from "every migration in
// prisma/migrations applied" to "matches prisma/schema.prisma", as `prisma migrate dev --create-only`
// would. The engine replays the existing migrations on a shadow database to know where it starts:
// SHADOW_DATABASE_URL (wiped first) if set, else a throwaway database on DATABASE_URL's server.
import { openDatabaseServer } from "@/lib/db/database-server.ts";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  REPO_ROOT,
  engineCall,
  maintenanceUrl,
  openSchemaEngine,
  readMigrationList,
  readSchema,
  type ShadowSource,
} from "./schema-engine.ts";

function utcTimestamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

// Folder names end up in SQL string literals and on every file system: keep them to [A-Za-z0-9_].
function migrationSlug(raw: string): string {
  return raw
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const slug = migrationSlug(args.join("_"));
  if (!slug) {
    console.error("usage: npm run db:migration -- <name>   (e.g. add_ticket_rating)");
    return 2;
  }

  const migrations = readMigrationList();
  const server = process.env.SHADOW_DATABASE_URL ? undefined : await openDatabaseServer();
  const shadow: ShadowSource = server ? { kind: "server", url: server.adminUrl } : { kind: "url", url: process.env.SHADOW_DATABASE_URL! };
  // The engine insists on a main connection although this diff never reads it: give it a database
  // that surely exists and that it cannot harm.
  const mainUrl = shadow.kind === "url" ? shadow.url : maintenanceUrl(shadow.url);
  const { engine, close } = await openSchemaEngine({ mainUrl, shadow });
  let script: string;
  try {
    const result = await engineCall(() =>
      engine.diff({
        from: { tag: "migrations", ...migrations },
        to: { tag: "schemaDatamodel", ...readSchema() },
        script: true,
        // Makes the engine say "non-empty" (2) rather than leave us parsing its "empty migration" comment.
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    if (result.exitCode === 0) {
      console.log("no changes: prisma/migrations already matches prisma/schema.prisma");
      return 0;
    }
    script = result.stdout ?? "";
  } finally {
    await close();
    await server?.stop();
  }

  const name = `${utcTimestamp(new Date())}_${slug}`;
  const latest = migrations.migrationDirectories.at(-1)?.path;
  if (latest && latest >= name) {
    // Migrations apply in name order; one that sorts before an existing one would run out of order.
    throw new Error(`new migration ${name} would sort before the existing ${latest}; check the system clock`);
  }
  const dir = path.join(MIGRATIONS_DIR, name);
  if (existsSync(dir)) throw new Error(`${path.relative(REPO_ROOT, dir)} already exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), script);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE_NAME);
  if (!existsSync(lockPath)) writeFileSync(lockPath, LOCKFILE_CONTENT);
  console.log(`wrote ${path.relative(REPO_ROOT, path.join(dir, "migration.sql"))}`);
  console.log("review it (the engine does not warn about data loss here), then commit it with schema.prisma");
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
