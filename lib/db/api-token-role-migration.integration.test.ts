import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate.ts";
import { queryDatabase, throwawayDatabases } from "@/lib/testing/throwaway-database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const ROLE_MIGRATION = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith("_api_token_role_and_creator"))!;
const databases = throwawayDatabases("tern_token_role_migration_test");
const tempDirs: string[] = [];

afterAll(async () => {
  await databases.dropAll();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function migrationsBefore(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tern-migrations-before-"));
  tempDirs.push(dir);
  for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= ROLE_MIGRATION) continue;
    cpSync(path.join(MIGRATIONS_DIR, entry.name), path.join(dir, entry.name), { recursive: true });
  }
  return dir;
}

describe("the api_token_role_and_creator migration", () => {
  it("gives earlier tokens their user's role and their maker from the audit log", async () => {
    const url = await databases.create();
    await applyMigrations(url, { migrationsDir: migrationsBefore() });
    const sql = (text: string, values: unknown[] = []) => queryDatabase(url, text, values);

    const [store] = await sql(`insert into "Store" (id, "bigcommerceHash", name, "webhookSecret", "updatedAt") values (gen_random_uuid(), 'legacy', 'Legacy', 's', now()) returning id`);
    const storeId = store!.id as string;
    const user = async (name: string, role: string) =>
      (await sql(`insert into "User" (id, "storeId", email, name, role, "updatedAt") values (gen_random_uuid(), $1, $2, $2, $3::"Role", now()) returning id`, [storeId, name, role]))[0]!.id as string;
    const admin = await user("alex", "ADMIN");
    const agent = await user("ada", "AGENT");
    const token = async (userId: string, hash: string) =>
      (await sql(`insert into "ApiToken" (id, "storeId", "userId", name, "tokenHash", prefix) values (gen_random_uuid(), $1, $2, 't', $3, 'tern_abcde') returning id`, [storeId, userId, hash]))[0]!.id as string;
    const agentsToken = await token(agent, "h1");
    const adminsToken = await token(admin, "h2");
    await sql(`insert into "AuditLog" (id, "storeId", "actorId", action, "targetType", "targetId") values (gen_random_uuid(), $1, $2, 'api_token.created', 'ApiToken', $3)`, [storeId, admin, agentsToken]);

    await applyMigrations(url);

    const rows = await sql(`select id, role::text as role, "createdById" from "ApiToken" order by "tokenHash"`);
    expect(rows).toEqual([
      { id: agentsToken, role: "AGENT", createdById: admin },
      // No audit entry for this one: its maker stays unknown.
      { id: adminsToken, role: "ADMIN", createdById: null },
    ]);
  });
});
