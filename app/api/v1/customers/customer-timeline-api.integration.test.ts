import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import type { CustomerInsight } from "@/lib/customers/customer-insight.ts";
import type { TimelineEntry, TimelinePage } from "@/lib/customers/timeline/timeline-entry.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { recordCsatResponse } from "@/lib/telegram/csat/record-csat-response.ts";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createCustomer, createStore, createTicket, createUser, type TestCustomer, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { addNote } from "@/lib/tickets/add-note.ts";
import * as insightRoute from "./[id]/insight/route.ts";
import * as timelineRoute from "./[id]/timeline/route.ts";

// The customer's timeline and insight card, built from what Tern stored while the BigCommerce
// emulator played the customer's orders through Tern's real webhook route and worker: orders in two
// currencies, a status change, a shipment, a refund, a return, a message at checkout, an agent's
// note, a cancelled order and a CSAT answer.

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let store: TestStore;
let shop: EmulatedStore;
let hookUrl: string;
let call: Awaited<ReturnType<typeof apiCallerFor>>;
let jane: TestCustomer;
const orders: Record<"usd" | "eur" | "cancelled", number> = { usd: 0, eur: 0, cancelled: 0 };
const CHAT_ID = "5550001";
const HOSTILE = `<img src=x onerror="alert(1)">Where is my parcel?`;
const DAY = 86_400_000;

async function drain(): Promise<void> {
  await emulator.flushWebhooks();
  for (;;) {
    const batch = await runInboundBatch(db(), { workerId: "timeline", storeId: store.id, limit: 25 });
    if (batch.claimed === 0) return;
  }
}

async function orderTicketId(orderId: number): Promise<string> {
  const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: store.id, bigcommerceOrderId: orderId, parentTicketId: null }, select: { id: true } });
  return ticket.id;
}

function timeline(query = "", customerId = jane.id) {
  return call<TimelinePage>(timelineRoute.GET, `/customers/${customerId}/timeline${query}`, { params: { id: customerId } });
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  hookUrl = `${tern.url}/api/webhooks/bigcommerce`;
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
  const agent = await createUser(store.id, { name: "Agent Ada" });
  call = await apiCallerFor(agent);
  jane = await createCustomer(store.id, { email: "jane@example.com", name: "Jane Doe", telegramChatId: CHAT_ID, telegramVerified: true });
  const buyer = shop.createCustomer({ email: "jane@example.com", firstName: "Jane", lastName: "Doe" });
  const now = Date.now();

  orders.usd = shop.createOrder({ customerId: buyer.id, currency: "USD", products: [{ name: "Premium Widget", sku: "PW-1", price: 40, quantity: 2 }], createdAt: new Date(now - 10 * DAY) }).id;
  await drain();
  shop.setOrderStatus(orders.usd, 9);
  await drain();
  shop.addShipment(orders.usd, { trackingNumber: "1Z999AA10123456784", carrier: "ups" });
  await drain();
  await addNote(db(), { storeId: store.id, ticketId: await orderTicketId(orders.usd), body: "VIP in all but name: <b>be kind</b>", actorId: agent.id });

  const eur = shop.createOrder({ customerId: buyer.id, currency: "EUR", products: [{ name: "Cable", sku: "CB-2", price: 30 }], createdAt: new Date(now - 5 * DAY), customerMessage: HOSTILE });
  orders.eur = eur.id;
  await drain();
  // A part refund of the order (an amount, not items): the order is Partially Refunded.
  shop.refund(eur.id, { items: [{ item_type: "ORDER", item_id: eur.id, amount: 10 }] });
  await drain();

  const returned = await fetch(`${hookUrl}?store=${store.bigcommerceHash}`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Tern-Webhook-Secret": store.webhookSecret },
    body: JSON.stringify({ event: "product.return.initiated", data: { order_id: orders.usd, return_id: "R-9", reason: "Too small" } }),
  });
  expect(returned.status).toBe(200);
  await drain();

  orders.cancelled = shop.createOrder({ customerId: buyer.id, currency: "USD", products: [{ name: "Lamp", sku: "LP-1", price: 99 }], statusId: 5, createdAt: new Date(now - DAY) }).id;
  await drain();

  const { ticket: question } = await createTicket(store.id, { subject: "Do you ship to Norway?", customerId: jane.id });
  await transitionTicket(db(), { storeId: store.id, ticketId: question.id, to: "IN_PROGRESS" });
  await transitionTicket(db(), { storeId: store.id, ticketId: question.id, to: "RESOLVED" });
  expect((await recordCsatResponse({ storeId: store.id, chatId: CHAT_ID, ticketId: question.id, score: 4 })).recorded).toBe(true);
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

function kindsOf(items: TimelineEntry[]): string[] {
  return [...new Set(items.map((item) => item.kind))].sort();
}

describe("GET /api/v1/customers/[id]/timeline", () => {
  it("shows orders, their news, tickets, messages and CSAT in one list, newest first", async () => {
    const { status, body } = await timeline("?limit=100");
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(kindsOf(body.items)).toEqual(["csat", "message", "order", "order_status", "refund", "return", "shipment", "ticket"]);
    const times = body.items.map((item) => Date.parse(item.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Orders at the time BigCommerce says they were placed, each in its own currency.
    const placed = body.items.filter((item) => item.kind === "order");
    expect(placed.map((item) => item.orderId)).toEqual([orders.cancelled, orders.eur, orders.usd]);
    expect(placed[1]).toMatchObject({ currency: "EUR", total: "30.00", placedAtKnown: true });
    expect(Date.parse(placed[2]!.at)).toBeLessThan(Date.now() - 9 * DAY);

    const news = (kind: TimelineEntry["kind"]) => body.items.filter((item) => item.kind === kind);
    expect(news("order_status")).toContainEqual(expect.objectContaining({ orderId: orders.usd, text: expect.stringContaining("→ Awaiting Shipment") }));
    expect(news("shipment")).toEqual([expect.objectContaining({ orderId: orders.usd, text: expect.stringContaining("1Z999AA10123456784"), trackingUrl: expect.stringMatching(/^https:\/\//) })]);
    // The refund's webhook and the status it moved the order to: both are what the thread was told.
    expect(news("refund")).toContainEqual(expect.objectContaining({ orderId: orders.eur, text: expect.stringContaining(`Refund requested on order #${orders.eur}`) }));
    expect(news("refund").every((item) => item.kind === "refund" && item.orderId === orders.eur)).toBe(true);
    expect(news("return").length).toBeGreaterThan(0);
    expect(news("ticket").map((item) => item.kind === "ticket" && item.ticket.subject)).toContain("Do you ship to Norway?");
    expect(news("csat")).toEqual([expect.objectContaining({ score: 4, ticket: expect.objectContaining({ subject: "Do you ship to Norway?" }) })]);

    // The customer's words come back as they wrote them (the page renders text, never HTML); the
    // agent's note is there, marked internal, with its author.
    const messages = news("message");
    expect(messages).toContainEqual(expect.objectContaining({ direction: "inbound", channel: "BIGCOMMERCE", text: HOSTILE, truncated: false }));
    expect(messages).toContainEqual(expect.objectContaining({ direction: "internal", text: "VIP in all but name: <b>be kind</b>", author: "Agent Ada" }));
    // Bookkeeping stays in the ticket: no assignment or ticket-status lines, no repeated order summary, no CSAT chatter.
    expect(messages.every((item) => item.kind === "message" && !item.text.startsWith("Status changed") && !item.text.startsWith(`Order #${orders.usd} ·`))).toBe(true);
  });

  it("pages with a cursor through exactly the same entries", async () => {
    const all = (await timeline("?limit=100")).body.items.map((item) => item.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const page: TimelinePage = (await timeline(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(3);
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(walked).toEqual(all);
  });

  it("filters by kind, as a list or a repeated parameter", async () => {
    const shipping = await timeline("?kind=shipment,refund");
    expect(kindsOf(shipping.body.items)).toEqual(["refund", "shipment"]);
    const repeated = await timeline("?kind=order&kind=csat");
    expect(kindsOf(repeated.body.items)).toEqual(["csat", "order"]);
    const ordersOnly = await timeline("?kind=order&limit=2");
    expect(ordersOnly.body.items.map((item) => item.kind === "order" && item.orderId)).toEqual([orders.cancelled, orders.eur]);
    const rest = await timeline(`?kind=order&limit=2&cursor=${ordersOnly.body.nextCursor}`);
    expect(rest.body.items.map((item) => item.kind === "order" && item.orderId)).toEqual([orders.usd]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("refuses what no client of this API sends: 404 for another store's customer, 422 for bad input", async () => {
    const outsider = await createCustomer((await createStore()).id, { name: "Someone Else" });
    expect((await timeline("", outsider.id)).status).toBe(404);
    expect((await timeline("", "not-a-uuid")).status).toBe(404);
    const strangerCall = await apiCallerFor(await createUser((await createStore()).id));
    expect((await strangerCall(timelineRoute.GET, `/customers/${jane.id}/timeline`, { params: { id: jane.id } })).status).toBe(404);

    const forged = Buffer.from(JSON.stringify(["year 20000", "0190a1b2-0000-7000-8000-000000000000"])).toString("base64url");
    for (const query of ["?cursor=garbage", `?cursor=${forged}`, "?kind=garbage", "?kind=order,garbage", "?kind=", "?limit=100000", "?limit=0", "?limit=abc", "?offset=10"]) {
      const reply = await timeline(query);
      expect({ query, status: reply.status }).toEqual({ query, status: 422 });
      expect(reply.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    }
    expect((await call(timelineRoute.POST, `/customers/${jane.id}/timeline`, { params: { id: jane.id }, body: {} })).status).toBe(405);
  });
});

describe("GET /api/v1/customers/[id]/insight", () => {
  it("sums the orders Tern has seen per currency, net of refunds, leaving cancelled orders out", async () => {
    const { status, body } = await call<CustomerInsight>(insightRoute.GET, `/customers/${jane.id}/insight`, { params: { id: jane.id } });
    expect(status).toBe(200);
    expect(body.ordersSeen).toBe(3);
    expect(body.ordersNotCounted).toBe(1);
    expect(body.byCurrency).toEqual([
      { currency: "EUR", orders: 1, lifetimeValue: "20.00", refunded: "10.00", averageOrder: "30.00" },
      { currency: "USD", orders: 1, lifetimeValue: "80.00", refunded: "0.00", averageOrder: "80.00" },
    ]);
    expect(body.lastOrder).toMatchObject({ orderId: orders.cancelled, status: "Cancelled", currency: "USD" });
    // The order tickets, the return's sub-ticket; the answered question is resolved.
    const open = await db().ticket.count({ where: { storeId: store.id, customerId: jane.id, status: { notIn: ["RESOLVED", "CLOSED"] } } });
    expect(body.openTickets).toBe(open);
    expect(body.openTickets).toBeGreaterThanOrEqual(3);
    expect(body.lastCsat).toMatchObject({ score: 4 });
  });

  it("answers 404 for another store's customer or a malformed id", async () => {
    const outsider = await createCustomer((await createStore()).id);
    expect((await call(insightRoute.GET, `/customers/${outsider.id}/insight`, { params: { id: outsider.id } })).status).toBe(404);
    expect((await call(insightRoute.GET, "/customers/x/insight", { params: { id: "x" } })).status).toBe(404);
  });
});
