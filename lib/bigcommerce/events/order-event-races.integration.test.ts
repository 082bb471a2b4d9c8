import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { bigcommerceClientForStore } from "../bigcommerce-client-for-store.ts";
import { fetchOrderBundle } from "../fetch-order-bundle.ts";
import { applyOrderEventInTx } from "./apply-order-event.ts";

// "Always one ticket": the races the SPEC names, with real concurrent workers (separate
// connections, concurrent transactions) on a real database.

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let store: TestStore;
let shop: EmulatedStore;
let hookUrl: string;

const PRODUCT = { name: "Desk Lamp", sku: "DL-1", price: 59 };
// Orders come from a customer Tern already knows, so nothing but the order lock keeps two
// workers on one order apart (a brand-new customer's insert would serialise them by accident).
let customerId: number;

/**
 * Several workers at once, each taking one event at a time, until the queue is empty. Every event
 * must succeed the first time: a race "resolved" by a failed attempt and a retry does not count.
 */
async function drainConcurrently(workers = 4): Promise<void> {
  await emulator.flushWebhooks();
  await Promise.all(
    Array.from({ length: workers }, async (_, index) => {
      while ((await runInboundBatch(db(), { workerId: `racer-${index}`, storeId: store.id, limit: 1 })).claimed > 0);
    }),
  );
  const unhappy = await db().inboundEvent.findMany({ where: { storeId: store.id, status: { not: "PROCESSED" } }, select: { kind: true, status: true, error: true } });
  expect(unhappy).toEqual([]);
}

async function ticketsOf(orderId: number) {
  return db().ticket.findMany({ where: { storeId: store.id, bigcommerceOrderId: orderId, parentTicketId: null }, select: { id: true, status: true } });
}

async function statusNotes(ticketId: string) {
  const notes = await db().message.findMany({ where: { ticketId, kind: "NOTE" }, orderBy: { createdAt: "asc" }, select: { body: true } });
  return notes.map((note) => note.body).filter((body) => body.startsWith("Order status changed"));
}

function fire(scope: string, data: Record<string, unknown>, createdAt: number) {
  return emulator.fireWebhook(shop.hash, scope, data, { destination: hookUrl, headers: { "X-Tern-Webhook-Secret": store.webhookSecret }, createdAt });
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  hookUrl = `${tern.url}/api/webhooks/bigcommerce`;
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
  customerId = shop.createCustomer({ email: "regular@example.com", firstName: "Reggie", lastName: "Regular" }).id;
  shop.createOrder({ customerId, products: [PRODUCT] });
  await drainConcurrently(1);
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

describe("one order, one ticket", () => {
  it("created then immediately updated, processed by concurrent workers", async () => {
    for (let round = 0; round < 5; round += 1) {
      const order = shop.createOrder({ customerId, products: [PRODUCT] });
      shop.setOrderStatus(order.id, 9);
      await drainConcurrently();
      const tickets = await ticketsOf(order.id);
      expect(tickets).toHaveLength(1);
      // The ticket was created from the order as it then was; at most one status note follows.
      expect((await statusNotes(tickets[0]!.id)).length).toBeLessThanOrEqual(1);
    }
  });

  it("duplicates: one delivery arriving many times at once", async () => {
    const order = shop.createOrder({ customerId, products: [PRODUCT] });
    await emulator.flushWebhooks();
    const delivery = emulator.deliveries.find((entry) => entry.scope === "store/order/created" && entry.body.includes(`"id":${order.id}`))!;
    const again = await Promise.all(Array.from({ length: 8 }, () => emulator.redeliver(delivery)));
    expect(again.map((entry) => entry.status)).toEqual(Array(8).fill(200));
    // A BigCommerce retry of the same event is byte-identical: one stored event.
    expect(await db().inboundEvent.count({ where: { storeId: store.id, payload: { path: ["data", "id"], equals: order.id }, kind: "store/order/created" } })).toBe(1);
    await drainConcurrently();
    expect(await ticketsOf(order.id)).toHaveLength(1);
  });

  it("out-of-order delivery: the status update arrives before the creation", async () => {
    const order = shop.createOrder({ customerId, products: [PRODUCT] }, { silent: true });
    shop.setOrderStatus(order.id, 9, { silent: true });
    const now = Math.floor(Date.now() / 1000);
    await fire("store/order/statusUpdated", { type: "order", id: order.id, status: { previous_status_id: 11, new_status_id: 9 } }, now + 1);
    await drainConcurrently();
    await fire("store/order/created", { type: "order", id: order.id }, now);
    await drainConcurrently();
    const tickets = await ticketsOf(order.id);
    expect(tickets).toHaveLength(1);
    // The ticket was made from the current order; the late "created" told the thread nothing new.
    expect(await statusNotes(tickets[0]!.id)).toEqual([]);
  });

  it("two (and more) workers on one order: many events, one ticket, each change noted once", async () => {
    const order = shop.createOrder({ customerId, products: [PRODUCT] }, { silent: true });
    const now = Math.floor(Date.now() / 1000);
    await Promise.all(Array.from({ length: 12 }, (_, index) => fire(index % 2 ? "store/order/updated" : "store/order/created", { type: "order", id: order.id }, now + index)));
    await drainConcurrently(6);
    const [ticket] = await ticketsOf(order.id);
    expect(await ticketsOf(order.id)).toHaveLength(1);

    shop.setOrderStatus(order.id, 9, { silent: true });
    await Promise.all(Array.from({ length: 10 }, (_, index) => fire("store/order/updated", { type: "order", id: order.id }, now + 100 + index)));
    await drainConcurrently(6);
    expect(await statusNotes(ticket!.id)).toEqual(["Order status changed: Awaiting Fulfillment → Awaiting Shipment"]);
  });

  it("many orders at once from many workers: one ticket each, numbers unique", async () => {
    const orders = Array.from({ length: 20 }, () => shop.createOrder({ customerId, products: [PRODUCT] }));
    for (const order of orders.slice(0, 10)) shop.setOrderStatus(order.id, 9);
    await drainConcurrently(6);
    const tickets = await db().ticket.findMany({ where: { storeId: store.id, bigcommerceOrderId: { in: orders.map((order) => order.id) } }, select: { bigcommerceOrderId: true, number: true } });
    expect(tickets).toHaveLength(20);
    expect(new Set(tickets.map((ticket) => ticket.bigcommerceOrderId)).size).toBe(20);
    expect(new Set(tickets.map((ticket) => ticket.number)).size).toBe(20);
  });

  it("a read that finishes late never takes the order back to an older state", async () => {
    const order = shop.createOrder({ customerId, products: [PRODUCT] });
    await drainConcurrently();
    const client = (await bigcommerceClientForStore(db(), store.id))!;
    const older = (await fetchOrderBundle(client, order.id))!;
    shop.setOrderStatus(order.id, 9);
    await drainConcurrently();
    const [ticket] = await ticketsOf(order.id);
    // A slow worker now applies what it read before the change.
    await db().$transaction(
      (tx) => applyOrderEventInTx(tx, { storeId: store.id, event: { type: "order", orderId: order.id }, bundle: older, messages: [], now: new Date() }),
      TICKET_TX_OPTIONS,
    );
    const snapshot = await db().orderSnapshot.findFirstOrThrow({ where: { storeId: store.id, bigcommerceOrderId: order.id }, select: { statusId: true, notedStatusId: true } });
    expect(snapshot).toEqual({ statusId: 9, notedStatusId: 9 });
    expect(await statusNotes(ticket!.id)).toEqual(["Order status changed: Awaiting Fulfillment → Awaiting Shipment"]);
  });
});
