import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerImportDto } from "@/lib/customers/import/customer-import-dto.ts";
import { runCustomerImports } from "@/lib/customers/import/run-customer-imports.ts";
import { DEFAULT_CUSTOMER_MAPPING, type CustomerMapping } from "@/lib/customers/sync/customer-mapping.ts";
import type { CustomerSyncFields } from "@/lib/customers/sync/customer-sync-fields.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, createUser, type TestStore } from "@/lib/testing/factories.ts";
import * as fieldsRoute from "../customer-sync/fields/route.ts";
import * as mappingRoute from "../customer-sync/mapping/route.ts";
import * as cancelRoute from "./[id]/cancel/route.ts";
import * as importRoute from "./[id]/route.ts";
import * as skipsRoute from "./[id]/skips/route.ts";
import * as importsRoute from "./route.ts";

let emulator: BigcommerceEmulator;
let store: TestStore;
let admin: Awaited<ReturnType<typeof apiCallerFor>>;
let agent: Awaited<ReturnType<typeof apiCallerFor>>;
let outsider: Awaited<ReturnType<typeof apiCallerFor>>;

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  store = await createStore();
  const shop = await connectEmulatedStore(emulator, store);
  for (let index = 1; index <= 3; index += 1) shop.createCustomer({ email: `api${index}@example.com`, firstName: "Api", lastName: `${index}` }, { silent: true });
  shop.putRawCustomer({ first_name: "Nobody", last_name: "Null", ["email"]: null as unknown as string });
  admin = await apiCallerFor(await createUser(store.id, { role: "ADMIN" }));
  agent = await apiCallerFor(await createUser(store.id, { role: "SUPERVISOR" }));
  const other = await createStore();
  await connectEmulatedStore(emulator, other);
  outsider = await apiCallerFor(await createUser(other.id, { role: "ADMIN" }));
});

afterAll(async () => {
  await emulator?.close();
});

describe("/api/v1/customer-imports", () => {
  it("starts one import at a time, shows its progress and skip log to the store's admins only", async () => {
    expect((await agent(importsRoute.POST, "/customer-imports", { method: "POST" })).status).toBe(403);
    const started = await admin<{ import: CustomerImportDto }>(importsRoute.POST, "/customer-imports", { method: "POST" });
    expect(started.status).toBe(201);
    const id = started.body.import.id;
    expect((await admin(importsRoute.POST, "/customer-imports", { method: "POST" })).status).toBe(409);

    await runCustomerImports(db(), { workerId: "api-test", leaseMs: 60_000, pageSize: 250, storeId: store.id });
    const progress = await admin<{ import: CustomerImportDto }>(importRoute.GET, `/customer-imports/${id}`, { params: { id } });
    expect(progress.body.import).toMatchObject({ status: "DONE", total: 4, processed: 4, imported: 3, skipped: 1 });
    const skips = await admin<{ items: Array<{ reason: string }> }>(skipsRoute.GET, `/customer-imports/${id}/skips?limit=10`, { params: { id } });
    expect(skips.body.items.map((skip) => skip.reason)).toEqual(["Missing email"]);
    expect((await admin(skipsRoute.GET, `/customer-imports/${id}/skips?limit=1000`, { params: { id } })).status).toBe(422);
    const list = await admin<{ items: CustomerImportDto[] }>(importsRoute.GET, "/customer-imports");
    expect(list.body.items.map((item) => item.id)).toEqual([id]);

    // Another store's admin: not found, and nothing listed.
    expect((await outsider(importRoute.GET, `/customer-imports/${id}`, { params: { id } })).status).toBe(404);
    expect((await outsider(skipsRoute.GET, `/customer-imports/${id}/skips`, { params: { id } })).status).toBe(404);
    expect((await outsider(cancelRoute.POST, `/customer-imports/${id}/cancel`, { method: "POST", params: { id } })).status).toBe(404);
    expect((await outsider<{ items: unknown[] }>(importsRoute.GET, "/customer-imports")).body.items).toEqual([]);
    expect((await admin(importRoute.GET, "/customer-imports/not-a-uuid", { params: { id: "not-a-uuid" } })).status).toBe(404);
    // Ended: cannot be stopped.
    expect((await admin(cancelRoute.POST, `/customer-imports/${id}/cancel`, { method: "POST", params: { id } })).status).toBe(409);
    expect((await agent(importsRoute.GET, "/customer-imports")).status).toBe(403);
  });
});

describe("/api/v1/customer-sync", () => {
  it("saves a valid mapping and refuses unknown fields and oversized lists (422)", async () => {
    expect((await admin<{ mapping: CustomerMapping }>(mappingRoute.GET, "/customer-sync/mapping")).body.mapping).toEqual(DEFAULT_CUSTOMER_MAPPING);
    const mapping: CustomerMapping = { ...DEFAULT_CUSTOMER_MAPPING, tier: { source: { kind: "attribute", attributeId: 2 }, vipValues: ["Gold"] }, customFields: [] };
    expect((await admin(mappingRoute.PUT, "/customer-sync/mapping", { method: "PUT", body: mapping })).status).toBe(200);
    expect((await admin<{ mapping: CustomerMapping }>(mappingRoute.GET, "/customer-sync/mapping")).body.mapping).toEqual(mapping);
    // The other store still has the default.
    expect((await outsider<{ mapping: CustomerMapping }>(mappingRoute.GET, "/customer-sync/mapping")).body.mapping).toEqual(DEFAULT_CUSTOMER_MAPPING);

    const refused = [
      { ...mapping, name: { kind: "field", field: "password_hash" } },
      { ...mapping, customFields: Array.from({ length: 21 }, (_, index) => ({ label: `Field ${index}`, source: { kind: "field", field: "company" } })) },
      { ...mapping, customFields: [{ label: "x".repeat(10_000), source: { kind: "field", field: "company" } }] },
      { ...mapping, tier: { source: null, vipValues: ["x".repeat(101)] } },
      { ...mapping, sql: "DROP TABLE" },
      [],
    ];
    for (const body of refused) expect((await admin(mappingRoute.PUT, "/customer-sync/mapping", { method: "PUT", body })).status).toBe(422);
    expect((await admin(mappingRoute.PUT, "/customer-sync/mapping", { method: "PUT", body: "{not json" })).status).toBe(400);
    expect((await agent(mappingRoute.PUT, "/customer-sync/mapping", { method: "PUT", body: mapping })).status).toBe(403);
  });

  it("offers the standard fields with the store's groups and attributes", async () => {
    const fields = await admin<CustomerSyncFields>(fieldsRoute.GET, "/customer-sync/fields");
    expect(fields.body.apiAccess).toBe(true);
    expect(fields.body.groups.map((group) => group.name)).toEqual(["Retail", "VIP", "Wholesale"]);
    expect(fields.body.attributes.map((attribute) => attribute.name)).toContain("Loyalty number");
    expect(fields.body.fields).toContain("customer_group");
  });
});
