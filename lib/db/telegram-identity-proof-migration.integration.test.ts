import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate.ts";
import { queryDatabase, throwawayDatabases } from "@/lib/testing/throwaway-database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const PROOF_MIGRATION = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith("_telegram_identity_proof"))!;
const databases = throwawayDatabases("tern_identity_migration_test");
const tempDirs: string[] = [];

afterAll(async () => {
  await databases.dropAll();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The migrations before the identity proof, in a folder of their own. */
function migrationsBefore(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tern-migrations-before-"));
  tempDirs.push(dir);
  for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= PROOF_MIGRATION) continue;
    cpSync(path.join(MIGRATIONS_DIR, entry.name), path.join(dir, entry.name), { recursive: true });
  }
  return dir;
}

describe("the telegram_identity_proof migration", () => {
  it("marks every earlier chat unverified, gives chats linked by a bare order number back their own record, and remembers each conversation's chat", async () => {
    const url = await databases.create();
    const before = migrationsBefore();
    await applyMigrations(url, { migrationsDir: before });
    const sql = (text: string, values: unknown[] = []) => queryDatabase(url, text, values);

    // As the old intake left it: a stranger's chat typed Lena's order number and was moved onto her record.
    const [store] = await sql(`insert into "Store" (id, "bigcommerceHash", name, "webhookSecret", "updatedAt") values (gen_random_uuid(), 'legacy', 'Legacy', 's', now()) returning id`);
    const storeId = store!.id as string;
    const [lena] = await sql(`insert into "Customer" (id, "storeId", email, name, "updatedAt") values (gen_random_uuid(), $1, 'lena@example.com', 'Lena Fischer', now()) returning id`, [storeId]);
    const [stranger] = await sql(
      `insert into "ChannelIdentity" (id, "storeId", "customerId", channel, "externalId", "displayName", "updatedAt") values (gen_random_uuid(), $1, $2, 'TELEGRAM', '555', 'Mallory', now()) returning id`,
      [storeId, lena!.id],
    );
    const ticket = async (number: number, source: string, orderId: number | null) =>
      (await sql(`insert into "Ticket" (id, "storeId", number, subject, source, "customerId", "bigcommerceOrderId", "updatedAt") values (gen_random_uuid(), $1, $2, 'T', $3, $4, $5, now()) returning id`, [storeId, number, source, lena!.id, orderId]))[0]!.id as string;
    const strangersTicket = await ticket(1, "TELEGRAM", 101);
    const ordersTicket = await ticket(2, "BIGCOMMERCE", 101);
    // Lena's own chat, and a ticket both chats wrote in.
    await sql(`insert into "ChannelIdentity" (id, "storeId", "customerId", channel, "externalId", "displayName", "updatedAt") values (gen_random_uuid(), $1, $2, 'TELEGRAM', '777', 'Lena', now())`, [storeId, lena!.id]);
    const sharedTicket = await ticket(3, "TELEGRAM", null);
    for (const [ticketId, externalId] of [[strangersTicket, "555:1"], [ordersTicket, "555:2"], [sharedTicket, "777:1"], [sharedTicket, "555:3"]] as const) {
      await sql(`insert into "Message" (id, "storeId", "ticketId", kind, channel, body, "externalId") values (gen_random_uuid(), $1, $2, 'INBOUND', 'TELEGRAM', '101', $3)`, [storeId, ticketId, externalId]);
    }
    // A reply on its way to "the customer's latest chat" when the migration runs.
    const [queued] = await sql(`insert into "Message" (id, "storeId", "ticketId", kind, channel, body, "deliveryStatus") values (gen_random_uuid(), $1, $2, 'OUTBOUND', 'TELEGRAM', 'Tracking: 1Z', 'QUEUED') returning id`, [storeId, ordersTicket]);

    await applyMigrations(url);

    const [identity] = await sql(`select "customerId", "verifiedAt" from "ChannelIdentity" where id = $1`, [stranger!.id]);
    expect(identity!.verifiedAt).toBeNull();
    expect(identity!.customerId).not.toBe(lena!.id);
    const [own] = await sql(`select email, "bigcommerceCustomerId", name from "Customer" where id = $1`, [identity!.customerId]);
    expect(own).toEqual({ email: null, bigcommerceCustomerId: null, name: "Mallory" });
    const tickets = await sql(`select id, "customerId", "bigcommerceOrderId", "channelIdentityId" from "Ticket" where "storeId" = $1 order by number`, [storeId]);
    // The conversation the stranger opened goes with their chat and forgets Lena's order.
    expect(tickets[0]).toEqual({ id: strangersTicket, customerId: identity!.customerId, bigcommerceOrderId: null, channelIdentityId: stranger!.id });
    // Lena's order ticket stays hers and no longer replies to the stranger's chat.
    expect(tickets[1]).toEqual({ id: ordersTicket, customerId: lena!.id, bigcommerceOrderId: 101, channelIdentityId: null });
    // Two chats wrote in the third: neither is taken for its own.
    expect(tickets[2]).toMatchObject({ id: sharedTicket, channelIdentityId: null });
    const [reply] = await sql(`select "deliveryStatus" from "Message" where id = $1`, [queued!.id]);
    expect(reply).toEqual({ deliveryStatus: "FAILED" });
  });
});
