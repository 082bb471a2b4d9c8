import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, createTicket, type TestStore } from "@/lib/testing/factories.ts";
import { getTicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { reconcileStoreCustomers } from "./reconcile-store-customers.ts";

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let store: TestStore;
let shop: EmulatedStore;

async function drain(): Promise<void> {
  await emulator.flushWebhooks();
  while ((await runInboundBatch(db(), { workerId: "customer-webhooks", storeId: store.id, limit: 20 })).claimed > 0);
}

const customerOf = (bigcommerceCustomerId: number) => db().customer.findFirstOrThrow({ where: { storeId: store.id, bigcommerceCustomerId } });

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store, { webhookDestination: `${tern.url}/api/webhooks/bigcommerce` });
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

describe("customer webhooks and reconciliation", () => {
  it("keeps a customer in sync through created, updated and address webhooks, with the mapping", async () => {
    const account = shop.createCustomer({ email: "Nina.Vogel@example.com", firstName: "Nina", lastName: "Vogel", phone: "+49 30 1234", groupId: 1 });
    await drain();
    expect(await customerOf(account.id)).toMatchObject({ name: "Nina Vogel", email: "nina.vogel@example.com", phone: "+49 30 1234", tier: "STANDARD", region: "US" });

    shop.updateCustomer(account.id, { groupId: 2, lastName: "Vogel-Braun" });
    await drain();
    expect(await customerOf(account.id)).toMatchObject({ name: "Nina Vogel-Braun", tier: "VIP" });
    expect((await customerOf(account.id)).customFields).toEqual([{ label: "Customer group", value: "VIP" }]);

    shop.updateCustomer(account.id, { address: { country_iso2: "AT", country: "Austria", state: "Wien" } });
    await drain();
    expect(await customerOf(account.id)).toMatchObject({ region: "AT" });
  });

  it("a deleted BigCommerce customer keeps their Tern customer and tickets, marked as deleted", async () => {
    const account = shop.createCustomer({ email: "leaving@example.com", firstName: "Lea", lastName: "Ving", groupId: 1 });
    await drain();
    const customer = await customerOf(account.id);
    const { ticket } = await createTicket(store.id, { subject: "Where is my parcel?", customerId: customer.id });
    shop.deleteCustomer(account.id);
    await drain();
    const after = await db().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(after.bigcommerceDeletedAt).not.toBeNull();
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { customerId: true } })).toEqual({ customerId: customer.id });
    // The sidebar says so, beside the mapped fields it still has.
    const context = await getTicketContext(db(), { storeId: store.id, ticketId: ticket.id });
    expect(context.customer).toMatchObject({ bigcommerceDeleted: true, customFields: [{ label: "Customer group", value: "Retail" }] });
  });

  it("reconciliation brings in accounts changed while their webhooks were lost", async () => {
    // The first run only marks where the next one starts (a full import covers what came before).
    expect(await reconcileStoreCustomers(db(), store.id, { now: new Date(Date.now() - 60_000) })).toMatchObject({ checked: 0 });
    const quiet = shop.createCustomer({ email: "quiet@example.com", firstName: "Quinn", lastName: "Quiet", groupId: 2 }, { silent: true });
    const renamed = shop.createCustomer({ email: "loud@example.com", firstName: "Lou", lastName: "Loud" });
    await drain();
    shop.updateCustomer(renamed.id, { firstName: "Louise" }, { silent: true });
    const result = await reconcileStoreCustomers(db(), store.id, { pageSize: 1 });
    expect(result?.saved).toBeGreaterThanOrEqual(2);
    expect(await customerOf(quiet.id)).toMatchObject({ name: "Quinn Quiet", tier: "VIP" });
    expect(await customerOf(renamed.id)).toMatchObject({ name: "Louise Loud" });
  });
});
