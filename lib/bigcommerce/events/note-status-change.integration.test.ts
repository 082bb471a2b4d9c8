import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { claimDomainEvents } from "@/lib/domain-events/claim-domain-events.ts";
import { HANDED_OFF_LEASE_MS, type DomainEvent } from "@/lib/domain-events/domain-event.ts";
import { startDomainEventDispatcher } from "@/lib/domain-events/start-domain-event-dispatcher.ts";
import { claimInboundEvents } from "@/lib/inbound/claim-inbound-events.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { bigcommerceClientForStore } from "../bigcommerce-client-for-store.ts";
import { ORDER_STATUS } from "../bigcommerce-types.ts";
import { fetchOrderStatus } from "../fetch-order-bundle.ts";
import { lockOrderInTx } from "../lock-order.ts";
import { noteStatusChange } from "./note-status-change.ts";
import { noteStatusChangesTogether } from "./note-status-changes-together.ts";

// The lock-free status note: what it writes when a status change is a note and nothing more, and
// that it steps aside (null, nothing written) whenever the full, locked path must decide.

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let store: TestStore;
let shop: EmulatedStore;

const LAMP = { name: "Desk Lamp", sku: "DL-1", price: 59 };
const statusEvent = (orderId: number) => ({ type: "order" as const, orderId, statusOnly: true });

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

async function drain(): Promise<void> {
  await emulator.flushWebhooks();
  while ((await runInboundBatch(db(), { workerId: "note-status", storeId: store.id, limit: 25 })).claimed > 0);
}

/** A new order with its ticket (queued, Awaiting Agent), then a status change Tern has not heard of yet. */
async function orderWithTicket(toStatus: number) {
  const order = shop.createOrder({ products: [LAMP] });
  await drain();
  const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: store.id, bigcommerceOrderId: order.id }, select: { id: true } });
  shop.setOrderStatus(order.id, toStatus, { silent: true });
  const client = (await bigcommerceClientForStore(db(), store.id))!;
  const read = (await fetchOrderStatus(client, order.id))!;
  return { order, ticket, read };
}

async function notesOf(ticketId: string) {
  const notes = await db().message.findMany({ where: { ticketId, kind: "NOTE" }, orderBy: { createdAt: "asc" }, select: { id: true, body: true, meta: true } });
  return notes.filter((note) => note.body.startsWith("Order status changed"));
}

/** The domain events of the ticket's status-change notes. */
async function noteEventsOf(ticketId: string) {
  const events = await db().domainEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { type: true, data: true } });
  const notes = new Set((await notesOf(ticketId)).map((note) => note.id));
  return events.filter((event) => notes.has((event.data as { messageId?: string } | null)?.messageId ?? ""));
}

async function snapshotOf(orderId: number) {
  return db().orderSnapshot.findUniqueOrThrow({ where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: orderId } } });
}

describe("noteStatusChange", () => {
  it("notes the change in the thread and brings the snapshot up to date, in one write, once", async () => {
    const { order, ticket, read } = await orderWithTicket(ORDER_STATUS.AWAITING_SHIPMENT);
    expect(await noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read })).toBe(true);
    expect(await notesOf(ticket.id)).toMatchObject([{ body: "Order status changed: Awaiting Fulfillment → Awaiting Shipment", meta: { type: "orderStatus", from: 11, to: 9 } }]);
    // The same statement wrote the note's domain event (the inbox learns of it from there).
    const [note] = await notesOf(ticket.id);
    expect(await noteEventsOf(ticket.id)).toEqual([{ type: "message.added", data: { messageId: note!.id } }]);
    const snapshot = await snapshotOf(order.id);
    expect(snapshot).toMatchObject({ statusId: 9, status: "Awaiting Shipment", notedStatusId: 9, products: [expect.objectContaining({ name: LAMP.name })] });
    expect(snapshot.dateModified?.getTime()).toBe(Date.parse(read.order.date_modified));

    // The same event again (a duplicate delivery): nothing new to say.
    const again = await noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read });
    expect(again).toBe(true);
    expect(await notesOf(ticket.id)).toHaveLength(1);
    expect(await noteEventsOf(ticket.id)).toHaveLength(1);
    const ticketRow = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } });
    expect(ticketRow.status).toBe("AWAITING_AGENT");
  });

  it("writes nothing when another writer of the order got there between its read and its write", async () => {
    const { order, ticket, read } = await orderWithTicket(ORDER_STATUS.AWAITING_PICKUP);
    let noting: Promise<unknown> | undefined;
    await db().$transaction(async (tx) => {
      await lockOrderInTx(tx, store.id, order.id);
      // Started while the order is locked: its write waits for this transaction, then finds the row changed.
      noting = noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.orderSnapshot.update({ where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: order.id } }, data: { fetchedAt: new Date() } });
    });
    expect(await noting).toBe(false);
    expect(await notesOf(ticket.id)).toEqual([]);
    expect((await snapshotOf(order.id)).notedStatusId).toBe(ORDER_STATUS.AWAITING_FULFILLMENT);
  });

  it("leaves a ticket someone is working on to the full path, which moves it", async () => {
    const { order, ticket, read } = await orderWithTicket(ORDER_STATUS.AWAITING_SHIPMENT);
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "IN_PROGRESS" });
    expect(await noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read })).toBe(false);
    expect(await notesOf(ticket.id)).toEqual([]);
  });

  it("leaves escalations to the full path: a refund status is news someone must act on", async () => {
    const { order, ticket, read } = await orderWithTicket(ORDER_STATUS.REFUNDED);
    expect(await noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read })).toBe(false);
    expect(await notesOf(ticket.id)).toEqual([]);
  });

  it("leaves a closed ticket, and an order without a copy in Tern, to the full path", async () => {
    const { order, ticket, read } = await orderWithTicket(ORDER_STATUS.AWAITING_SHIPMENT);
    await db().ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED" } });
    expect(await noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read })).toBe(false);

    const unknown = shop.createOrder({ products: [LAMP] }, { silent: true });
    const client = (await bigcommerceClientForStore(db(), store.id))!;
    const unknownRead = (await fetchOrderStatus(client, unknown.id))!;
    expect(await noteStatusChange(db(), { storeId: store.id, event: statusEvent(unknown.id), read: unknownRead })).toBe(false);
  });

  it("leaves an older read than Tern's copy to the full path", async () => {
    const { order, read } = await orderWithTicket(ORDER_STATUS.AWAITING_SHIPMENT);
    const older = { ...read, order: { ...read.order, date_modified: new Date(Date.parse(read.order.date_modified) - 86_400_000).toUTCString() } };
    await db().orderSnapshot.update({
      where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: order.id } },
      data: { dateModified: new Date(Date.parse(read.order.date_modified)) },
    });
    expect(await noteStatusChange(db(), { storeId: store.id, event: statusEvent(order.id), read: older })).toBe(false);
  });
});

describe("status changes of one claim, applied together", () => {
  async function orderWithQuietTicket() {
    const order = shop.createOrder({ products: [LAMP] });
    await drain();
    return { order, ticket: await db().ticket.findFirstOrThrow({ where: { storeId: store.id, bigcommerceOrderId: order.id }, select: { id: true } }) };
  }

  async function eventsOf(orderIds: number[], claimedBy?: string) {
    const rows = await db().inboundEvent.findMany({
      where: { storeId: store.id, ...(claimedBy ? { OR: [{ processedBy: claimedBy }, { lockedBy: claimedBy }] } : {}) },
      orderBy: { receivedAt: "asc" },
      select: { payload: true, status: true, lockedBy: true },
    });
    const orderOf = (payload: unknown) => {
      const data = (payload as { data?: { id?: unknown; orderId?: unknown } }).data;
      return Number(data?.orderId ?? data?.id);
    };
    return rows.filter((row) => orderIds.includes(orderOf(row.payload)));
  }

  it("notes each order's change once and records its events as processed in the same write; anything more goes the full way", async () => {
    const plain = [await orderWithQuietTicket(), await orderWithQuietTicket(), await orderWithQuietTicket()];
    const twice = await orderWithQuietTicket();
    const declined = await orderWithQuietTicket();
    const shipped = await orderWithQuietTicket();
    // BigCommerce announces a status change twice: "updated" and "statusUpdated". One read serves both.
    for (const { order } of plain) shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    // Two changes of one order in the claim: its one read finds the latest, noted once.
    shop.setOrderStatus(twice.order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    shop.setOrderStatus(twice.order.id, ORDER_STATUS.AWAITING_PICKUP);
    // A status that makes a watched ticket work is more than a note: the full path, under the lock.
    shop.setOrderStatus(declined.order.id, ORDER_STATUS.DECLINED);
    // So is a shipment (tracking for the customer), even with a status change beside it.
    shop.addShipment(shipped.order.id, { trackingNumber: "1Z999" });
    await emulator.flushWebhooks();

    const batch = await runInboundBatch(db(), { workerId: "together", storeId: store.id, limit: 50 });
    expect(batch).toMatchObject({ retried: 0, dead: 0, lost: 0 });
    expect(batch.processed).toBe(batch.claimed);
    // Every event of the plain changes, and none of the others.
    const ofPlainOrders = await eventsOf([...plain, twice].map(({ order }) => order.id), "together");
    expect(ofPlainOrders.length).toBeGreaterThanOrEqual(2 * plain.length + 2);
    expect(batch.together).toBe(ofPlainOrders.length);
    for (const { ticket } of plain) {
      expect(await notesOf(ticket.id)).toMatchObject([{ body: "Order status changed: Awaiting Fulfillment → Awaiting Shipment" }]);
      expect(await noteEventsOf(ticket.id)).toHaveLength(1);
    }
    expect((await notesOf(twice.ticket.id)).map((note) => note.body)).toEqual(["Order status changed: Awaiting Fulfillment → Awaiting Pickup"]);
    const declinedTicket = await db().ticket.findUniqueOrThrow({ where: { id: declined.ticket.id }, select: { workSince: true } });
    expect(declinedTicket.workSince).not.toBeNull();
    const shippedNotes = await db().message.findMany({ where: { ticketId: shipped.ticket.id }, select: { body: true } });
    expect(shippedNotes.some((note) => note.body.includes("1Z999"))).toBe(true);
    const events = await eventsOf([...plain, twice, declined, shipped].map(({ order }) => order.id), "together");
    expect(events.length).toBeGreaterThanOrEqual(12);
    expect(events.filter((event) => event.status !== "PROCESSED" || event.lockedBy !== null)).toEqual([]);
  });

  it("writes nothing for events whose lease another worker holds", async () => {
    const { order, ticket } = await orderWithQuietTicket();
    shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    await emulator.flushWebhooks();
    const claimed = await claimInboundEvents(db(), { workerId: "holder", limit: 25, leaseMs: 60_000, storeId: store.id });
    expect(claimed).toHaveLength(2);

    expect(await noteStatusChangesTogether(db(), claimed, { workerId: "intruder" })).toEqual(new Set());
    expect(await notesOf(ticket.id)).toEqual([]);
    expect(await eventsOf([order.id], "holder")).toMatchObject([{ status: "PROCESSING", lockedBy: "holder" }, { status: "PROCESSING", lockedBy: "holder" }]);

    expect(await noteStatusChangesTogether(db(), claimed, { workerId: "holder" })).toEqual(new Set(claimed.map((event) => event.id)));
    expect(await notesOf(ticket.id)).toHaveLength(1);
    expect(await eventsOf([order.id], "holder")).toMatchObject([{ status: "PROCESSED", lockedBy: null }, { status: "PROCESSED", lockedBy: null }]);
  });

  it("hands the notes' events to its own dispatcher, already leased: no other dispatcher takes them, and they are delivered and deleted", async () => {
    const { order, ticket } = await orderWithQuietTicket();
    shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    await emulator.flushWebhooks();
    const claimed = await claimInboundEvents(db(), { workerId: "hand-off", limit: 25, leaseMs: 60_000, storeId: store.id });
    const handedOff: DomainEvent[] = [];
    expect(await noteStatusChangesTogether(db(), claimed, { workerId: "hand-off", handOff: (events) => handedOff.push(...events) })).toEqual(new Set(claimed.map((event) => event.id)));

    const [note] = await notesOf(ticket.id);
    expect(handedOff).toMatchObject([{ storeId: store.id, type: "message.added", ticketId: ticket.id, data: { messageId: note!.id }, attempts: 1 }]);
    const row = await db().domainEvent.findUniqueOrThrow({ where: { id: handedOff[0]!.id } });
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + HANDED_OFF_LEASE_MS / 2);
    // Another dispatcher's claim passes it by while its writer's lease lasts.
    const other = await claimDomainEvents(db(), { limit: 1_000, leaseMs: 30_000, storeIds: [store.id] });
    expect(other.map((event) => event.id)).not.toContain(handedOff[0]!.id);

    // The writer's dispatcher delivers it at once and deletes it soon after.
    const seen: DomainEvent[] = [];
    const dispatcher = startDomainEventDispatcher(db(), {
      log: () => undefined,
      storeIds: [store.id],
      sweepMs: 100_000,
      subscribers: [{ name: "inbox", deliver: async (events) => void seen.push(...events) }],
    });
    try {
      dispatcher.handOff(handedOff);
      for (let tries = 0; tries < 100 && (await db().domainEvent.count({ where: { id: handedOff[0]!.id } })) > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.map((event) => event.id)).toContain(handedOff[0]!.id);
      expect(await db().domainEvent.count({ where: { id: handedOff[0]!.id } })).toBe(0);
    } finally {
      await dispatcher.stop();
    }
  });
});
