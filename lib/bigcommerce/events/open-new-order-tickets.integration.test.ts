import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { claimInboundEvents } from "@/lib/inbound/claim-inbound-events.ts";
import { processInboundEvent } from "@/lib/inbound/process-inbound-event.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { createAssignmentRule } from "@/lib/routing/create-assignment-rule.ts";
import { updateRoutingSettings } from "@/lib/routing/update-routing-settings.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createCustomer, createOnlineAgent, createStore, createTeam, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { ORDER_STATUS } from "../bigcommerce-types.ts";
import { processNewOrdersTogether } from "./process-new-orders-together.ts";

// A burst of new orders applied together (open-new-order-tickets.ts) must leave exactly what
// applying each event alone leaves (apply-order-event.ts, the reference): the same store is
// played twice, once each way, and the two results compared.

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let hookUrl: string;

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  hookUrl = `${tern.url}/api/webhooks/bigcommerce`;
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

/** `watch`: the store watches order tickets until they need a person (the default); false: all are work. */
type Setup = { rules: boolean; watch: boolean };

/** A store with two agents (room for three tickets), a known customer, and a sale's worth of orders announced by webhooks. */
async function playStore(setup: Setup): Promise<{ store: TestStore; shop: EmulatedStore }> {
  const store = await createStore();
  const shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
  await createOnlineAgent(store.id, { name: "Ada", capacity: 2 });
  await createOnlineAgent(store.id, { name: "Bo", capacity: 1 });
  await createCustomer(store.id, { email: "Known.Buyer@Example.com", name: "Known Buyer", tier: "VIP" });
  if (!setup.watch) await updateRoutingSettings(db(), { storeId: store.id, patch: { watchOrderTickets: false } });
  if (setup.rules) {
    const team = await createTeam(store.id, { name: "Big orders" });
    await createOnlineAgent(store.id, { name: "Cy", teamId: team.id, capacity: 5 });
    await createAssignmentRule(db(), {
      storeId: store.id,
      rule: { name: "Over 500", conditions: { minOrderValue: 500 }, teamId: team.id, priority: "HIGH", makesWork: setup.watch },
    });
  }
  const registered = shop.createCustomer({ email: "reg@example.com", firstName: "Reg", lastName: "Istered" });
  const product = { name: "Lamp", sku: "L-1", price: 40, productId: 501 };
  const orders = [
    shop.createOrder({ guest: { email: "first@example.com", firstName: "First", lastName: "Guest" }, products: [product], customerMessage: "Gift wrap, please" }),
    shop.createOrder({ customerId: registered.id, products: [product, { name: "Shade", sku: "S-1", price: 15 }] }),
    shop.createOrder({ guest: { email: "known.buyer@example.com", firstName: "Known", lastName: "Buyer" }, products: [{ ...product, price: 700 }] }),
    shop.createOrder({ guest: { email: "twice@example.com", firstName: "Twice", lastName: "Buyer" }, products: [product] }),
    shop.createOrder({ guest: { email: "twice@example.com", firstName: "Twice", lastName: "Buyer" }, products: [product], currency: "EUR" }),
    shop.createOrder({ guest: { email: "refund@example.com", firstName: "Re", lastName: "Fund" }, products: [product] }),
    shop.createOrder({ guest: { email: "late@example.com", firstName: "Late", lastName: "Payer" }, products: [product], statusId: ORDER_STATUS.INCOMPLETE }),
    shop.createOrder({ guest: { email: "last@example.com", firstName: "Last", lastName: "Guest" }, products: [product] }),
  ];
  // "updated" right behind "created", as BigCommerce sends them; one order is refunded at once, one moves on.
  shop.setOrderStatus(orders[1]!.id, ORDER_STATUS.AWAITING_SHIPMENT);
  shop.setOrderStatus(orders[5]!.id, ORDER_STATUS.REFUNDED);
  await emulator.flushWebhooks();
  return { store, shop };
}

/** Everything the events left in the store, without ids and times that differ between two runs. */
async function outcome(storeId: string) {
  const tickets = await db().ticket.findMany({
    where: { storeId },
    orderBy: { bigcommerceOrderId: "asc" },
    select: {
      subject: true,
      status: true,
      priority: true,
      tags: true,
      source: true,
      bigcommerceOrderId: true,
      orderSnapshotId: true,
      createdAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      lastMessageAt: true,
      waitingSince: true,
      snoozedUntil: true,
      workSince: true,
      team: { select: { name: true } },
      assignee: { select: { name: true } },
      customer: { select: { email: true, name: true, tier: true, bigcommerceCustomerId: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, channel: true, body: true, meta: true, authorId: true } },
    },
  });
  const snapshots = await db().orderSnapshot.findMany({
    where: { storeId },
    orderBy: { bigcommerceOrderId: "asc" },
    select: { bigcommerceOrderId: true, statusId: true, status: true, notedStatusId: true, totalIncTax: true, currency: true, products: true, shipments: true, notifiedTracking: true, seenRefundIds: true, customer: { select: { email: true } } },
  });
  const customers = await db().customer.findMany({ where: { storeId }, orderBy: { email: "asc" }, select: { email: true, name: true, tier: true, bigcommerceCustomerId: true } });
  const events = await db().domainEvent.groupBy({ by: ["type"], where: { storeId }, _count: true, orderBy: { type: "asc" } });
  const numbers = (await db().ticket.findMany({ where: { storeId }, orderBy: { number: "asc" }, select: { number: true } })).map((ticket) => ticket.number);
  const since = (at: Date | null, from: Date) => (at ? at.getTime() - from.getTime() : null);
  return {
    numbers,
    tickets: tickets.map(({ createdAt, firstResponseDueAt, resolutionDueAt, lastMessageAt, orderSnapshotId, workSince, messages, ...ticket }) => ({
      ...ticket,
      workSince: since(workSince, createdAt),
      linkedToSnapshot: orderSnapshotId !== null,
      firstResponseDue: since(firstResponseDueAt, createdAt),
      resolutionDue: since(resolutionDueAt, createdAt),
      hasLastMessage: lastMessageAt !== null,
      // The thread in the order the inbox shows it.
      messages: messages.map((message) =>
        JSON.stringify(message)
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
          .replace(/Placed: [^"\\]*/g, "Placed: <when>"),
      ),
    })),
    snapshots: snapshots.map((snapshot) => ({ ...snapshot, totalIncTax: snapshot.totalIncTax?.toString() ?? null })),
    customers,
    events: events.map((entry) => [entry.type, entry._count]),
  };
}

async function oneByOne(storeId: string): Promise<void> {
  while ((await runInboundBatch(db(), { workerId: "one-by-one", storeId, limit: 1, process: processInboundEvent })).claimed > 0);
}

async function together(storeId: string): Promise<void> {
  while ((await runInboundBatch(db(), { workerId: "together", storeId, limit: 50 })).claimed > 0);
}

async function unprocessed(storeId: string) {
  return db().inboundEvent.findMany({ where: { storeId, status: { not: "PROCESSED" } }, select: { kind: true, status: true, error: true } });
}

describe("new orders applied together", () => {
  for (const setup of [
    { rules: false, watch: false },
    { rules: true, watch: false },
    { rules: false, watch: true },
    { rules: true, watch: true },
  ]) {
    const rules = setup.rules ? "a rule routes the big order" : "no rules, two agents with room for three";
    const watch = setup.watch ? "order tickets watched until they need a person" : "every order ticket work";
    it(`leave what applying each event alone leaves (${rules}; ${watch})`, async () => {
      const reference = await playStore(setup);
      const burst = await playStore(setup);
      await oneByOne(reference.store.id);
      await together(burst.store.id);
      expect(await unprocessed(reference.store.id)).toEqual([]);
      expect(await unprocessed(burst.store.id)).toEqual([]);

      const expected = await outcome(reference.store.id);
      const actual = await outcome(burst.store.id);
      expect(actual).toEqual(expected);
      // What the scenario is meant to hold: 7 tickets (not the Incomplete order), numbers 1…7, agents filled.
      expect(expected.numbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const refunded = expected.tickets.find((ticket) => ticket.messages.some((message) => message.includes("is now Refunded")));
      // The refunded order was escalated, by its own processing.
      expect(refunded?.priority).toBe("HIGH");
      if (!setup.watch) {
        // Cy of the rule's team (a first-level team) takes tickets of no team too.
        expect(expected.tickets.filter((ticket) => ticket.assignee).length).toBe(setup.rules ? 7 : 3);
        expect(expected.tickets.every((ticket) => ticket.workSince === 0)).toBe(true);
      } else {
        // Work from the start: the order with a checkout comment, the refunded one, and (by the rule) the big one.
        const work = expected.tickets.filter((ticket) => ticket.workSince !== null);
        const gift = expected.tickets.find((ticket) => ticket.messages.some((message) => message.includes("Gift wrap, please")));
        const big = expected.tickets.find((ticket) => ticket.customer?.email?.toLowerCase() === "known.buyer@example.com");
        expect(work.map((ticket) => ticket.subject).sort()).toEqual([gift, refunded, ...(setup.rules ? [big] : [])].map((ticket) => ticket!.subject).sort());
        expect(gift?.messages.some((message) => message.includes("Needs a person: the customer wrote at checkout"))).toBe(true);
        if (setup.rules) expect(big?.messages.some((message) => message.includes("Needs a person: the rule “Over 500” matched"))).toBe(true);
        // The watched ones take nobody's capacity and have no clock.
        for (const ticket of expected.tickets.filter((ticket) => ticket.workSince === null)) {
          expect(ticket.assignee).toBeNull();
          expect([ticket.firstResponseDue, ticket.resolutionDue]).toEqual([null, null]);
        }
        expect(work.filter((ticket) => ticket.assignee).length).toBeGreaterThan(0);
      }

      // Each thread reads as createOrderTicketInTx writes it: the status entry, routing's, then the order's details.
      for (const ticket of await db().ticket.findMany({ where: { storeId: burst.store.id, priority: "NORMAL" }, select: { id: true } })) {
        const thread = await db().message.findMany({ where: { ticketId: ticket.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, meta: true } });
        const kinds = thread.filter((entry) => entry.kind !== "INBOUND").map((entry) => (entry.meta as { type?: string } | null)?.type);
        expect(kinds[0]).toBe("status");
        expect(kinds.at(-1)).toBe("order");
      }

      // And it did go the bulk way: the burst's new tickets share one creation time, the reference's do not.
      const created = await db().ticket.findMany({ where: { storeId: burst.store.id, priority: "NORMAL" }, select: { createdAt: true } });
      expect(new Set(created.map((ticket) => ticket.createdAt.getTime())).size).toBe(1);
    });
  }

  it("reads each order once for its created and updated events, and leaves orders Tern knows to their own processing", async () => {
    const store = await createStore();
    const shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
    const known = shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] });
    await emulator.flushWebhooks();
    await together(store.id);

    const fresh = [1, 2, 3].map(() => shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9, productId: 9 }] }));
    for (const order of fresh) shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    shop.setOrderStatus(known.id, ORDER_STATUS.AWAITING_SHIPMENT);
    await emulator.flushWebhooks();
    const before = emulator.requests.length;
    const events = await claimInboundEvents(db(), { workerId: "direct", limit: 50, leaseMs: 60_000, storeId: store.id });
    const orderIdOf = (event: (typeof events)[number]) => (event.payload as { data: { id: number } }).data.id;
    const applied = await processNewOrdersTogether(db(), events);

    // Each status change is announced twice (statusUpdated and updated), the known order's too.
    expect(events.filter((event) => orderIdOf(event) === known.id)).toHaveLength(2);
    expect([...applied].sort()).toEqual(events.filter((event) => orderIdOf(event) !== known.id).map((event) => event.id).sort());
    const reads = emulator.requests.slice(before).filter((request) => request.storeHash === shop.hash && request.method === "GET");
    // Per order: the order, its products and its addresses; the product's picture once for all three.
    expect(reads.filter((request) => request.path.startsWith("/v2/orders/")).length).toBe(9);
    expect(reads.filter((request) => request.path.includes("/images")).length).toBe(1);
    const tickets = await db().ticket.findMany({ where: { storeId: store.id }, orderBy: { number: "asc" }, select: { number: true, bigcommerceOrderId: true } });
    expect(tickets.map((ticket) => ticket.bigcommerceOrderId)).toEqual([known.id, ...fresh.map((order) => order.id)]);
  });

  it("applies an order announced by several events in seed form event by event: each carries the order as it was then", async () => {
    const store = await createStore();
    const orderId = 910_001;
    const send = async (event: string, status: string, modified: string) => {
      const data = { id: orderId, customer_id: 0, email: "seed@example.com", products: [{ id: 1, name: "Mug", sku: "M-1", quantity: 1, price: 9 }], total_inc_tax: 9, status, date_created: "2026-12-01T10:00:00Z", date_modified: modified };
      const response = await fetch(`${hookUrl}?store=${store.bigcommerceHash}`, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Tern-Webhook-Secret": store.webhookSecret },
        body: JSON.stringify({ event, data }),
      });
      expect(response.status).toBe(200);
    };
    await send("order.created", "awaiting_fulfillment", "2026-12-01T10:00:00Z");
    await send("order.updated", "refunded", "2026-12-01T10:05:00Z");
    await together(store.id);
    expect(await unprocessed(store.id)).toEqual([]);
    const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: store.id, bigcommerceOrderId: orderId }, select: { priority: true, orderSnapshot: { select: { status: true } } } });
    // The later event's refund was not swallowed by the first event's copy of the order.
    expect(ticket.priority).toBe("HIGH");
    expect(ticket.orderSnapshot?.status).toMatch(/refunded/i);
  });

  it("two bursts sharing orders at once: one ticket per order, numbers still 1…N", async () => {
    const store = await createStore();
    const shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
    const orders = Array.from({ length: 12 }, () => shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] }));
    for (const order of orders) shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    await emulator.flushWebhooks();
    const events = await claimInboundEvents(db(), { workerId: "direct", limit: 50, leaseMs: 60_000, storeId: store.id });
    // Each half holds the "created" of some orders and the "updated" of others: both try to open every order.
    const halves = [events.filter((_, index) => index % 2 === 0), events.filter((_, index) => index % 2 === 1)];
    const applied = await Promise.all(halves.map((half) => processNewOrdersTogether(db(), half)));
    expect(applied[0]!.size + applied[1]!.size).toBeGreaterThanOrEqual(12);
    const tickets = await db().ticket.findMany({ where: { storeId: store.id }, orderBy: { number: "asc" }, select: { number: true, bigcommerceOrderId: true } });
    expect(tickets.map((ticket) => ticket.number)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(new Set(tickets.map((ticket) => ticket.bigcommerceOrderId)).size).toBe(12);
  });
});
