import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createCustomer, createStore, createUser, type TestStore } from "@/lib/testing/factories.ts";
import { saveCustomerMapping } from "../sync/customer-sync-settings.ts";
import { DEFAULT_CUSTOMER_MAPPING } from "../sync/customer-mapping.ts";
import { cancelCustomerImport } from "./cancel-customer-import.ts";
import { claimCustomerImport } from "./claim-customer-import.ts";
import { getCustomerImport } from "./get-customer-import.ts";
import { listCustomerImportSkips } from "./list-customer-import-skips.ts";
import { runCustomerImportPage } from "./run-customer-import-page.ts";
import { runCustomerImports } from "./run-customer-imports.ts";
import { startCustomerImport } from "./start-customer-import.ts";

let emulator: BigcommerceEmulator;

const PAGE = { leaseMs: 60_000, pageSize: 5 };

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
});

afterAll(async () => {
  await emulator?.close();
});

async function connectedStore(): Promise<{ store: TestStore; shop: EmulatedStore; adminId: string }> {
  const store = await createStore();
  const shop = await connectEmulatedStore(emulator, store);
  const admin = await createUser(store.id, { role: "ADMIN" });
  return { store, shop, adminId: admin.id };
}

/** `count` good accounts: every third in the VIP group, each with a loyalty number and a language. */
function addAccounts(shop: EmulatedStore, count: number, prefix = "buyer"): void {
  for (let index = 1; index <= count; index += 1) {
    shop.createCustomer(
      {
        email: `${prefix}${index}@example.com`,
        firstName: `First${index}`,
        lastName: `Last${index}`,
        phone: `+1 555 01${String(index).padStart(2, "0")}`,
        groupId: index % 3 === 0 ? 2 : 1,
        attributes: { 1: `L-${index}`, 2: index % 2 ? "en" : "de" },
        address: index % 2 ? { country_iso2: "DE", country: "Germany", state: "Berlin" } : undefined,
      },
      { silent: true },
    );
  }
}

function customerListCalls(hash: string) {
  return emulator.requests.filter((request) => request.storeHash === hash && request.method === "GET" && request.path === "/v3/customers");
}

describe("customer import", () => {
  let store: TestStore;
  let shop: EmulatedStore;
  let adminId: string;

  beforeEach(async () => {
    ({ store, shop, adminId } = await connectedStore());
  });

  it("imports every page through the mapping, skips garbage with a reason, and waits out 429s", async () => {
    addAccounts(shop, 12);
    shop.putRawCustomer({ first_name: "No", last_name: "Email", email: "" });
    shop.putRawCustomer({ first_name: "x".repeat(10_240), last_name: "Long", email: "long@example.com" });
    shop.putRawCustomer({ first_name: "Bad", last_name: "Email", email: "not an email" });
    shop.putRawCustomer({ first_name: "Twin", last_name: "Copy", email: "BUYER1@example.com" });
    // Someone who wrote on Telegram with the same email as an account: one customer, linked.
    const known = await createCustomer(store.id, { name: "Telegram Buyer", email: "buyer2@example.com", telegramChatId: "4242" });
    await saveCustomerMapping(db(), store.id, {
      ...DEFAULT_CUSTOMER_MAPPING,
      customFields: [
        { label: "Loyalty number", source: { kind: "attribute", attributeId: 1 } },
        { label: "Language", source: { kind: "attribute", attributeId: 2 } },
        { label: "Group", source: { kind: "field", field: "customer_group" } },
      ],
    });

    const started = await startCustomerImport(db(), { storeId: store.id, userId: adminId });
    expect(started).toMatchObject({ status: "QUEUED", processed: 0 });
    // The API says "quota spent" twice during the import: the import waits for the window and goes on.
    shop.quota.exhaustNext(2);
    const pages = await runCustomerImports(db(), { ...PAGE, workerId: "w1", storeId: store.id });
    expect(pages).toBe(4);

    const done = await getCustomerImport(db(), { storeId: store.id, importId: started.id });
    expect(done).toMatchObject({ status: "DONE", total: 16, processed: 16, imported: 12, skipped: 4, rateLimited: 2, secondsLeft: 0 });
    expect(done.apiCalls).toBeGreaterThanOrEqual(4 + 2 + 1);

    const customers = await db().customer.findMany({ where: { storeId: store.id }, orderBy: { bigcommerceCustomerId: "asc" } });
    expect(customers).toHaveLength(12);
    const third = customers.find((customer) => customer.bigcommerceCustomerId === 3)!;
    expect(third).toMatchObject({ name: "First3 Last3", email: "buyer3@example.com", phone: "+1 555 0103", tier: "VIP", region: "DE" });
    expect(third.customFields).toEqual([
      { label: "Loyalty number", value: "L-3" },
      { label: "Language", value: "en" },
      { label: "Group", value: "VIP" },
    ]);
    expect(customers.find((customer) => customer.bigcommerceCustomerId === 4)).toMatchObject({ tier: "STANDARD", region: "US" });
    const linked = customers.find((customer) => customer.email === "buyer2@example.com")!;
    expect(linked.id).toBe(known.id);
    expect(linked).toMatchObject({ bigcommerceCustomerId: 2, name: "First2 Last2" });

    const skips = await listCustomerImportSkips(db(), { storeId: store.id, importId: started.id });
    expect(skips.items.map((skip) => [skip.bigcommerceCustomerId, skip.reason])).toEqual([
      [13, "Missing email"],
      [14, "Name longer than 255 characters"],
      [15, "Invalid email"],
      [16, "Same email as BigCommerce customer 1"],
    ]);
  });

  it("resumes after a worker dies mid-import from the last committed page, reading no page twice", async () => {
    addAccounts(shop, 23);
    const started = await startCustomerImport(db(), { storeId: store.id, userId: adminId });
    // Worker A commits two pages and dies (its lease is still running).
    expect(await runCustomerImports(db(), { ...PAGE, workerId: "A", storeId: store.id, maxPages: 2 })).toBe(2);
    expect(await getCustomerImport(db(), { storeId: store.id, importId: started.id })).toMatchObject({ status: "RUNNING", processed: 10, total: 23 });
    // While the lease runs, nobody else takes the import.
    expect(await claimCustomerImport(db(), { workerId: "B", leaseMs: PAGE.leaseMs, storeId: store.id })).toBeNull();
    // The lease runs out (as the database clock would tell after a minute).
    await db().customerImport.update({ where: { id: started.id }, data: { leaseUntil: new Date(Date.now() - 1_000) } });

    expect(await runCustomerImports(db(), { ...PAGE, workerId: "B", storeId: store.id })).toBe(3);
    expect(await getCustomerImport(db(), { storeId: store.id, importId: started.id })).toMatchObject({ status: "DONE", processed: 23, imported: 23, skipped: 0 });
    expect(await db().customer.count({ where: { storeId: store.id } })).toBe(23);
    // Five pages of five, each read once.
    expect(customerListCalls(shop.hash).filter((call) => call.status === 200)).toHaveLength(5);
  });

  it("a worker whose lease was taken over commits nothing; a cancelled import stops at its next page", async () => {
    addAccounts(shop, 8);
    const started = await startCustomerImport(db(), { storeId: store.id, userId: adminId });
    const first = await claimCustomerImport(db(), { workerId: "A", leaseMs: PAGE.leaseMs, storeId: store.id });
    expect(first?.id).toBe(started.id);
    await db().customerImport.update({ where: { id: started.id }, data: { leaseUntil: new Date(Date.now() - 1_000) } });
    expect((await claimCustomerImport(db(), { workerId: "B", leaseMs: PAGE.leaseMs, storeId: store.id }))?.nextPage).toBe(1);
    expect(await runCustomerImportPage(db(), started.id, { ...PAGE, workerId: "A" })).toBe("lost");
    expect(await runCustomerImportPage(db(), started.id, { ...PAGE, workerId: "B" })).toBe("more");
    expect(await db().customer.count({ where: { storeId: store.id } })).toBe(5);

    await cancelCustomerImport(db(), { storeId: store.id, importId: started.id });
    expect(await runCustomerImportPage(db(), started.id, { ...PAGE, workerId: "B" })).toBe("lost");
    expect(await getCustomerImport(db(), { storeId: store.id, importId: started.id })).toMatchObject({ status: "CANCELLED", processed: 5 });
    await expect(cancelCustomerImport(db(), { storeId: store.id, importId: started.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("one import at a time per store; another store's import is not found", async () => {
    const started = await startCustomerImport(db(), { storeId: store.id, userId: adminId });
    await expect(startCustomerImport(db(), { storeId: store.id, userId: adminId })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await createStore();
    await expect(getCustomerImport(db(), { storeId: other.id, importId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelCustomerImport(db(), { storeId: other.id, importId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCustomerImportSkips(db(), { storeId: other.id, importId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A store Tern has no token for cannot import.
    await expect(startCustomerImport(db(), { storeId: other.id, userId: null })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("retries a page BigCommerce fails on after a pause, and gives up when the token is refused", async () => {
    addAccounts(shop, 3);
    const started = await startCustomerImport(db(), { storeId: store.id, userId: adminId });
    shop.failNext(/^\/v3\/customers$/, 500, 1);
    expect(await runCustomerImports(db(), { ...PAGE, workerId: "A", storeId: store.id })).toBe(0);
    const paused = await db().customerImport.findUniqueOrThrow({ where: { id: started.id } });
    expect(paused).toMatchObject({ status: "RUNNING", failures: 1, lockedBy: null });
    expect(paused.error).toMatch(/500/);
    await db().customerImport.update({ where: { id: started.id }, data: { leaseUntil: new Date(Date.now() - 1_000) } });
    expect(await runCustomerImports(db(), { ...PAGE, workerId: "A", storeId: store.id })).toBe(1);
    expect(await getCustomerImport(db(), { storeId: store.id, importId: started.id })).toMatchObject({ status: "DONE", imported: 3, error: null });

    const again = await startCustomerImport(db(), { storeId: store.id, userId: adminId });
    shop.accessToken = "revoked";
    await runCustomerImports(db(), { ...PAGE, workerId: "A", storeId: store.id });
    const failed = await getCustomerImport(db(), { storeId: store.id, importId: again.id });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/refused|no API access/);
  });
});
