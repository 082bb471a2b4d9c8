import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { reconcileStoreOrders } from "./reconcile-store-orders.ts";
import { getWebhookHealth } from "./webhooks/get-webhook-health.ts";

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let store: TestStore;
let shop: EmulatedStore;

const LAMP = { name: "Lamp", sku: "L-1", price: 25 };
// Reconciliation leaves changes younger than two minutes to their webhooks: look from a bit later.
const later = () => new Date(Date.now() + 5 * 60_000);

async function drain(): Promise<void> {
  await emulator.flushWebhooks();
  while ((await runInboundBatch(db(), { workerId: "reconcile", storeId: store.id, limit: 20 })).claimed > 0);
}

async function ticketsOf(orderId: number) {
  return db().ticket.findMany({ where: { storeId: store.id, bigcommerceOrderId: orderId }, select: { id: true } });
}

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

describe("reconcileStoreOrders", () => {
  it("feeds the orders whose webhooks never arrived through the same path, once", async () => {
    const delivered = shop.createOrder({ products: [LAMP] });
    const changedQuietly = shop.createOrder({ products: [LAMP] });
    await drain();
    const lost = shop.createOrder({ products: [LAMP] }, { silent: true });
    shop.setOrderStatus(changedQuietly.id, 9, { silent: true });
    shop.createOrder({ products: [LAMP], statusId: 0 }, { silent: true });
    expect(await ticketsOf(lost.id)).toHaveLength(0);

    const result = await reconcileStoreOrders(db(), store.id, { now: later(), force: true });
    expect(result).toMatchObject({ checked: 4, enqueued: 2 });
    await drain();
    expect(await ticketsOf(lost.id)).toHaveLength(1);
    const [quiet] = await ticketsOf(changedQuietly.id);
    const notes = await db().message.findMany({ where: { ticketId: quiet!.id, kind: "NOTE" }, select: { body: true } });
    expect(notes.map((note) => note.body)).toContain("Order status changed: Awaiting Fulfillment → Awaiting Shipment");
    expect(await ticketsOf(delivered.id)).toHaveLength(1);

    // Nothing is missing any more: a second run queues nothing.
    expect(await reconcileStoreOrders(db(), store.id, { now: later(), force: true })).toMatchObject({ enqueued: 0 });
    const health = await getWebhookHealth(db(), store.id);
    expect(health.reconciliation.missedEventsRecovered24Hours).toBe(2);
    expect(health.alerts).toEqual(expect.arrayContaining([expect.stringContaining("Reconciliation found 2 order change(s)")]));
    expect(health.reconciliation.lastRunAt).not.toBeNull();
  });

  it("runs once per interval across processes, and not at all without API access", async () => {
    expect(await reconcileStoreOrders(db(), store.id, { now: later(), intervalMs: 3_600_000 })).toBeNull();
    const unconnected = await createStore();
    expect(await reconcileStoreOrders(db(), unconnected.id, { force: true })).toBeNull();
  });

  it("gives the window back when BigCommerce fails, so the next run covers it", async () => {
    const before = await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { lastReconciledAt: true } });
    shop.failNext(/^\/v2\/orders$/, 500);
    await expect(reconcileStoreOrders(db(), store.id, { now: later(), force: true })).rejects.toThrow(/answered 500/);
    expect(await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { lastReconciledAt: true } })).toEqual(before);
  });
});
