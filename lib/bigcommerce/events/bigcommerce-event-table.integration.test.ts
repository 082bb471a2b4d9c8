import { readStartToken } from "@/lib/chat-links/start-link.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { mergeTickets } from "@/lib/tickets/merge-tickets.ts";
import { updateTicket } from "@/lib/tickets/update-ticket.ts";

// Every row of the SPEC's "BigCommerce events → tickets" table, end to end: the emulator changes
// its store and fires webhooks the way BigCommerce does, Tern's real route stores them, the
// worker processes them (reading the order back through Tern's client), and the database shows
// the result.

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let store: TestStore;
let shop: EmulatedStore;
let hookUrl: string;

async function drain(): Promise<void> {
  await emulator.flushWebhooks();
  for (;;) {
    const batch = await runInboundBatch(db(), { workerId: "event-table", storeId: store.id, limit: 25 });
    if (batch.claimed === 0) return;
  }
}

function orderTickets(orderId: number) {
  return db().ticket.findMany({
    where: { storeId: store.id, bigcommerceOrderId: orderId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, status: true, priority: true, subject: true, parentTicketId: true, customerId: true, orderSnapshotId: true, tags: true, source: true, workSince: true },
  });
}

function thread(ticketId: string) {
  return db().message.findMany({
    where: { ticketId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, channel: true, body: true, authorId: true, deliveryStatus: true, meta: true },
  });
}

async function mainTicket(orderId: number) {
  const tickets = (await orderTickets(orderId)).filter((ticket) => ticket.parentTicketId === null);
  expect(tickets).toHaveLength(1);
  return tickets[0]!;
}

function customerWithTelegram(email: string) {
  return createCustomer(store.id, { email, name: "Telegram Person", telegramChatId: String(Math.floor(Math.random() * 1e9)) });
}

const WIDGET = { name: "Premium Widget", sku: "PW-001", price: 49.99, quantity: 2 };

beforeAll(async () => {
  // A generous quota: this file is about the event table, not pacing (see the client's tests).
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  hookUrl = `${tern.url}/api/webhooks/bigcommerce`;
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

describe("order.created ← store/order/created", () => {
  it("creates one ticket with the order's details, linked to customer and snapshot: Open → Awaiting Agent", async () => {
    const buyer = shop.createCustomer({ email: "jane@example.com", firstName: "Jane", lastName: "Doe" });
    const order = shop.createOrder({ customerId: buyer.id, products: [WIDGET, { name: "Cable", sku: "CB-2", price: 10 }], customerMessage: "Please gift wrap" });
    await drain();

    const ticket = await mainTicket(order.id);
    expect(ticket).toMatchObject({ status: "AWAITING_AGENT", source: "BIGCOMMERCE", subject: `Order #${order.id}: Premium Widget and 1 more`, tags: ["order"] });
    const messages = await thread(ticket.id);
    expect(messages.map((message) => message.kind)).toEqual(["INBOUND", "ACTIVITY", "ACTIVITY", "NOTE"]);
    expect(messages[0]).toMatchObject({ channel: "BIGCOMMERCE", body: "Please gift wrap" });
    expect(messages[1]!.meta).toMatchObject({ from: "OPEN", to: "AWAITING_AGENT" });
    // The buyer wrote at checkout: the order's ticket is work from the start, not only watched.
    expect(messages[2]).toMatchObject({ body: "Needs a person: the customer wrote at checkout", meta: { type: "work" } });
    expect(ticket.workSince).not.toBeNull();
    const details = messages[3]!.body;
    expect(details).toContain(`Order #${order.id} · Awaiting Fulfillment · $109.98`);
    expect(details).toContain("Jane Doe <jane@example.com> (BigCommerce customer");
    expect(details).toContain("2 × Premium Widget (SKU PW-001) — $99.98");

    const snapshot = await db().orderSnapshot.findUniqueOrThrow({ where: { id: ticket.orderSnapshotId! }, select: { statusId: true, totalIncTax: true, products: true, customerId: true, order: true } });
    expect(snapshot.statusId).toBe(11);
    expect(String(snapshot.totalIncTax)).toBe("109.98");
    expect(snapshot.products).toHaveLength(2);
    expect(snapshot.customerId).toBe(ticket.customerId);
    expect((snapshot.order as { shipping_addresses: unknown[] }).shipping_addresses).toHaveLength(1);
    const customer = await db().customer.findUniqueOrThrow({ where: { id: ticket.customerId! }, select: { bigcommerceCustomerId: true, email: true, name: true } });
    expect(customer).toEqual({ bigcommerceCustomerId: buyer.id, email: "jane@example.com", name: "Jane Doe" });
  });

  it("makes no ticket for an Incomplete order until it becomes a real one", async () => {
    const order = shop.createOrder({ products: [WIDGET], statusId: 0 });
    await drain();
    expect(await orderTickets(order.id)).toHaveLength(0);
    shop.setOrderStatus(order.id, 11);
    await drain();
    expect((await mainTicket(order.id)).status).toBe("AWAITING_AGENT");
  });

  it("accepts the seed's full-payload form and builds the ticket from it", async () => {
    const seedOrderId = 900_001;
    const body = {
      event: "order.created",
      data: {
        id: seedOrderId,
        customer_id: 78901,
        email: "customer@example.com",
        products: [{ id: 987, name: "Premium Widget", sku: "PW-001", quantity: 2, price: 49.99 }],
        total_inc_tax: 109.98,
        status: "awaiting_payment",
        date_created: "2025-03-15T14:30:00Z",
      },
    };
    const response = await fetch(`${hookUrl}?store=${store.bigcommerceHash}`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Tern-Webhook-Secret": store.webhookSecret },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    await drain();
    const ticket = await mainTicket(seedOrderId);
    const details = (await thread(ticket.id)).find((message) => message.kind === "NOTE")!.body;
    expect(details).toContain(`Order #${seedOrderId} · Awaiting Payment · $109.98`);
    expect(details).toContain("2 × Premium Widget (SKU PW-001)");
    const customer = await db().customer.findUniqueOrThrow({ where: { id: ticket.customerId! }, select: { bigcommerceCustomerId: true, email: true } });
    expect(customer).toEqual({ bigcommerceCustomerId: 78901, email: "customer@example.com" });
  });
});

describe("order.updated ← store/order/updated, store/order/statusUpdated", () => {
  it("adds one status note (old → new) and moves In Progress → Agent Notified", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const ticket = await mainTicket(order.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "IN_PROGRESS" });

    shop.setOrderStatus(order.id, 9); // fires updated + statusUpdated: two events, one change
    await drain();
    expect((await mainTicket(order.id)).status).toBe("AGENT_NOTIFIED");
    const notes = (await thread(ticket.id)).filter((message) => message.kind === "NOTE" && message.body.startsWith("Order status changed"));
    expect(notes.map((note) => note.body)).toEqual(["Order status changed: Awaiting Fulfillment → Awaiting Shipment"]);
  });

  it("reads the whole order when a status change is the first Tern hears of it, and opens its ticket", async () => {
    const order = shop.createOrder({ products: [WIDGET] }, { silent: true });
    shop.setOrderStatus(order.id, 9, { silent: true });
    await emulator.fireWebhook(shop.hash, "store/order/statusUpdated", { type: "order", id: order.id, status: { previous_status_id: 11, new_status_id: 9 } }, {
      destination: hookUrl,
      headers: { "X-Tern-Webhook-Secret": store.webhookSecret },
    });
    await drain();
    const ticket = await mainTicket(order.id);
    expect(ticket.status).toBe("AWAITING_AGENT");
    const snapshot = await db().orderSnapshot.findUniqueOrThrow({ where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: order.id } } });
    expect(snapshot).toMatchObject({ statusId: 9, notedStatusId: 9, products: [expect.objectContaining({ name: WIDGET.name })] });
    const events = await db().inboundEvent.findMany({ where: { storeId: store.id, kind: "store/order/statusUpdated", payload: { path: ["data", "id"], equals: order.id } } });
    expect(events.map((event) => [event.status, event.attempts])).toEqual([["PROCESSED", 1]]);
  });

  it("follows a merge: once the order's ticket was merged into another, its news goes there, and no new ticket opens", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const own = await mainTicket(order.id);
    const conversation = await createTicket(store.id, { subject: "Where is my order?", body: "Any news?", customerId: own.customerId! });
    await mergeTickets(db(), { storeId: store.id, sourceId: own.id, targetId: conversation.ticket.id, actorId: null });

    shop.setOrderStatus(order.id, 9);
    await drain();
    expect((await orderTickets(order.id)).map((ticket) => [ticket.id, ticket.status])).toEqual([[own.id, "CLOSED"]]);
    const notes = (await thread(conversation.ticket.id)).filter((message) => message.kind === "NOTE" && message.body.startsWith("Order status changed"));
    expect(notes.map((note) => note.body)).toEqual(["Order status changed: Awaiting Fulfillment → Awaiting Shipment"]);

    // News someone must act on (a refund) escalates the merge target, not a follow-up of the closed ticket.
    shop.setOrderStatus(order.id, 4);
    await drain();
    expect((await orderTickets(order.id)).filter((ticket) => ticket.parentTicketId === null)).toHaveLength(1);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: conversation.ticket.id }, select: { priority: true } })).priority).toBe("HIGH");
  });

  it("keeps a queued ticket in the queue (note only)", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    shop.setOrderStatus(order.id, 7);
    await drain();
    const ticket = await mainTicket(order.id);
    expect(ticket.status).toBe("AWAITING_AGENT");
    expect((await thread(ticket.id)).some((message) => message.body === "Order status changed: Awaiting Fulfillment → Awaiting Payment")).toBe(true);
    // The status change re-read only the order: the products Tern already had stay in its copy.
    const snapshot = await db().orderSnapshot.findUniqueOrThrow({ where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: order.id } } });
    expect(snapshot).toMatchObject({ statusId: 7, notedStatusId: 7, products: [expect.objectContaining({ name: WIDGET.name })] });
  });
});

describe("order.refund.requested ← store/order/refund/created, status Refunded/Partially Refunded/Disputed", () => {
  it("raises to High and moves Awaiting Agent → Priority Queue, once", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const products = shop.products.get(order.id)!;
    shop.refund(order.id, { items: [{ item_type: "PRODUCT", item_id: products[0]!.id, quantity: 1 }] });
    await drain();
    const ticket = await mainTicket(order.id);
    expect(ticket).toMatchObject({ status: "PRIORITY_QUEUE", priority: "HIGH" });
    const messages = await thread(ticket.id);
    expect(messages.filter((message) => message.body.startsWith("Refund requested on order")).map((message) => message.body)).toEqual([
      `Refund requested on order #${order.id} (refund 1). Order status: Partially Refunded.`,
    ]);
    expect(messages.some((message) => message.kind === "ACTIVITY" && message.body === "Priority changed from Normal to High")).toBe(true);
  });

  it("recognises a refund Tern itself issued: its webhook and status change are noted, not raised as a customer's request", async () => {
    for (const recorded of [true, false]) {
      const order = shop.createOrder({ products: [WIDGET] });
      await drain();
      const ticket = await mainTicket(order.id);
      // As run-refund.ts leaves it: the action is running while BigCommerce is called, then recorded
      // with the refund's id. The webhook may be processed before or after that record.
      const action = await db().orderAction.create({
        data: { storeId: store.id, ticketId: ticket.id, bigcommerceOrderId: order.id, kind: "REFUND", status: "RUNNING", amount: "49.99" },
        select: { id: true },
      });
      const products = shop.products.get(order.id)!;
      const refund = shop.refund(order.id, { items: [{ item_type: "PRODUCT", item_id: products[0]!.id, quantity: 1 }] });
      if (recorded) await db().orderAction.update({ where: { id: action.id }, data: { status: "SUCCEEDED", result: { refundId: refund.id } } });
      await drain();
      expect(await mainTicket(order.id)).toMatchObject({ status: "AWAITING_AGENT", priority: "NORMAL" });
      const bodies = (await thread(ticket.id)).map((message) => message.body);
      expect(bodies.some((body) => body.startsWith("Refund requested"))).toBe(false);
      expect(bodies).toContain("Order status changed: Awaiting Fulfillment → Partially Refunded");
      const snapshot = await db().orderSnapshot.findUniqueOrThrow({ where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: order.id } }, select: { seenRefundIds: true } });
      expect(snapshot.seenRefundIds).toEqual([`refund:${refund.id}`]);
    }
  });

  it("escalates a dispute to Urgent, and a resolved ticket is reopened into the priority queue", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const { id } = await mainTicket(order.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: id, to: "IN_PROGRESS" });
    await transitionTicket(db(), { storeId: store.id, ticketId: id, to: "RESOLVED" });
    shop.setOrderStatus(order.id, 13);
    await drain();
    expect(await mainTicket(order.id)).toMatchObject({ status: "PRIORITY_QUEUE", priority: "URGENT" });
  });

  it("accepts the seed form and opens a follow-up when the order's ticket was closed", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const first = await mainTicket(order.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: first.id, to: "IN_PROGRESS" });
    await transitionTicket(db(), { storeId: store.id, ticketId: first.id, to: "RESOLVED" });
    await transitionTicket(db(), { storeId: store.id, ticketId: first.id, to: "CLOSED" });
    const response = await fetch(`${hookUrl}?store=${store.bigcommerceHash}`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Tern-Webhook-Secret": store.webhookSecret },
      body: JSON.stringify({ event: "order.refund.requested", data: { order_id: order.id, amount: 49.99, reason: "Arrived broken" } }),
    });
    expect(response.status).toBe(200);
    await drain();
    const tickets = (await orderTickets(order.id)).filter((ticket) => ticket.parentTicketId === null);
    expect(tickets.map((ticket) => ticket.status)).toEqual(["CLOSED", "PRIORITY_QUEUE"]);
    const followUp = await thread(tickets[1]!.id);
    expect(followUp.some((message) => message.body.includes(`Follows up ticket #${first.number}`))).toBe(true);
    expect(followUp.some((message) => message.body.includes("(amount 49.99, Arrived broken)"))).toBe(true);
  });
});

describe("shipment.tracking.added ← store/shipment/created / updated with tracking", () => {
  it("posts the tracking link, queues the shipment template to the customer, In Progress → Customer Notified", async () => {
    await customerWithTelegram("tracked@example.com");
    const order = shop.createOrder({ guest: { email: "tracked@example.com", firstName: "Tia", lastName: "Track" }, products: [WIDGET] });
    await drain();
    const ticket = await mainTicket(order.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "IN_PROGRESS" });

    const shipment = shop.addShipment(order.id, { trackingNumber: "1Z999AA10123456784", carrier: "ups" });
    await drain();
    expect((await mainTicket(order.id)).status).toBe("CUSTOMER_NOTIFIED");
    const messages = await thread(ticket.id);
    const trackingUrl = "https://www.ups.com/track?tracknum=1Z999AA10123456784";
    expect(messages.filter((message) => message.kind === "NOTE" && message.body.includes("tracking 1Z999AA10123456784")).map((message) => message.body)).toEqual([
      `Shipment ${shipment.id} sent with UPS: tracking 1Z999AA10123456784 — ${trackingUrl}`,
    ]);
    const outbound = messages.filter((message) => message.kind === "OUTBOUND");
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ channel: "TELEGRAM", deliveryStatus: "QUEUED", authorId: null });
    expect(outbound[0]!.body).toMatch(new RegExp(`^Thank you for your inquiry regarding order #${order.id}\\. Your shipment was last updated on \\w+ \\d+, \\d{4} and is currently shipped\\. You can track it here: ${trackingUrl.replace(/[.?]/g, "\\$&")}$`));

    // The same tracking seen again (shipment updated, a redelivery) is not sent twice.
    shop.updateShipment(order.id, shipment.id, { trackingLink: "" });
    await drain();
    expect((await thread(ticket.id)).filter((message) => message.kind === "OUTBOUND")).toHaveLength(1);
  });

  it("uses the store's own shipment template", async () => {
    await db().template.create({ data: { storeId: store.id, name: "Shipped!", purpose: "shipment", body: "Hi [customer_name], order [order_id] left with [carrier]: [tracking_url]" } });
    await customerWithTelegram("own-template@example.com");
    const order = shop.createOrder({ guest: { email: "own-template@example.com", firstName: "Olly", lastName: "Own" }, products: [WIDGET] });
    shop.addShipment(order.id, { trackingNumber: "9400", carrier: "usps" });
    await drain();
    const outbound = (await thread((await mainTicket(order.id)).id)).filter((message) => message.kind === "OUTBOUND");
    expect(outbound.map((message) => message.body)).toEqual([`Hi Olly Own, order ${order.id} left with USPS: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400`]);
    await db().template.deleteMany({ where: { storeId: store.id, purpose: "shipment" } });
  });

  it("never sends a blank: no Telegram chat, or a variable the order cannot fill, leaves a note instead", async () => {
    const order = shop.createOrder({ guest: { email: "no-telegram@example.com", firstName: "Nora", lastName: "None" }, products: [WIDGET] });
    shop.addShipment(order.id, { trackingNumber: "TRK-1", carrier: "acme" });
    await drain();
    const ticket = await mainTicket(order.id);
    expect(ticket.status).toBe("AWAITING_AGENT");
    const messages = await thread(ticket.id);
    expect(messages.some((message) => message.kind === "OUTBOUND")).toBe(false);
    // acme has no tracking URL: [tracking_url] cannot be filled, so the template is refused first.
    expect(messages.some((message) => message.body.startsWith("The shipment message was not sent automatically: Template cannot be used: this ticket's order has no [tracking_url]"))).toBe(true);

    // With a bot connected, the note carries the order's signed chat link for the agent to pass on.
    await db().store.update({ where: { id: store.id }, data: { telegramBotUsername: "event_table_bot" } });
    const second = shop.createOrder({ guest: { email: "no-telegram@example.com", firstName: "Nora", lastName: "None" }, products: [WIDGET] });
    shop.addShipment(second.id, { trackingNumber: "1ZNOCHAT", carrier: "ups" });
    await drain();
    await db().store.update({ where: { id: store.id }, data: { telegramBotUsername: null } });
    const notes = (await thread((await mainTicket(second.id)).id)).map((message) => message.body);
    const note = notes.find((body) => body.startsWith("The shipment message was not sent automatically: the customer has no verified Telegram chat with the store's bot yet."));
    const link = /https:\/\/t\.me\/event_table_bot\?start=([A-Za-z0-9_-]+)$/.exec(note ?? "");
    expect(readStartToken(store.id, link?.[1] ?? "")).toMatchObject({ ok: true, claim: { kind: "order", orderId: second.id } });
  });
});

describe("product.return.initiated ← return request (status, message or the seed form)", () => {
  it("opens a Return Processing sub-ticket and moves the parent to Return Processing (seed form)", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const parent = await mainTicket(order.id);
    const response = await fetch(`${hookUrl}?store=${store.bigcommerceHash}`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Tern-Webhook-Secret": store.webhookSecret },
      body: JSON.stringify({ event: "product.return.initiated", data: { order_id: order.id, return_id: "R-77", reason: "Too small", products: [{ name: "Premium Widget", quantity: 1 }] } }),
    });
    expect(response.status).toBe(200);
    await drain();
    const tickets = await orderTickets(order.id);
    expect(tickets).toHaveLength(2);
    const child = tickets.find((ticket) => ticket.parentTicketId === parent.id)!;
    expect(child).toMatchObject({ status: "RETURN_PROCESSING", tags: ["return"], customerId: parent.customerId, subject: `Return for order #${order.id}` });
    expect((await mainTicket(order.id)).status).toBe("RETURN_PROCESSING");
    expect((await thread(parent.id)).some((message) => message.body.startsWith(`Return requested (return request): sub-ticket #${child.number} opened.`))).toBe(true);
    expect((await thread(child.id))[0]).toMatchObject({ kind: "INBOUND", body: "Too small\nItems: 1 × Premium Widget" });
  });

  it("is started by a custom 'Return requested' status, and a second signal joins the open return", async () => {
    shop.setStatusLabel(12, "Return Requested");
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    shop.setOrderStatus(order.id, 12);
    await drain();
    shop.addOrderMessage(order.id, { message: "I want to return this, it does not fit" });
    await drain();
    const tickets = await orderTickets(order.id);
    const children = tickets.filter((ticket) => ticket.parentTicketId !== null);
    expect(children).toHaveLength(1);
    expect(children[0]!.status).toBe("RETURN_PROCESSING");
    expect((await thread(children[0]!.id)).some((message) => message.body.startsWith("Return signal (customer message)"))).toBe(true);
    shop.setStatusLabel(12, "Manual Verification Required");
  });
});

describe("customer.message.received ← store/order/message/created", () => {
  it("appends the message once and moves Awaiting Agent → Agent Assigned when someone owns the ticket", async () => {
    const agent = await createUser(store.id);
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const ticket = await mainTicket(order.id);
    // Assigned, but back in the queue: the table's "Awaiting Agent" with someone to hand it to.
    await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { assigneeId: agent.id } });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "AWAITING_AGENT" });

    const message = shop.addOrderMessage(order.id, { message: "Where is my parcel?", subject: "Delivery" });
    await drain();
    const inbound = (await thread(ticket.id)).filter((entry) => entry.kind === "INBOUND");
    expect(inbound.map((entry) => [entry.channel, entry.body])).toEqual([["BIGCOMMERCE", "Delivery\n\nWhere is my parcel?"]]);
    expect((await mainTicket(order.id)).status).toBe("AGENT_ASSIGNED");

    // BigCommerce redelivers the same webhook: nothing new.
    const delivery = emulator.deliveries.find((entry) => entry.scope === "store/order/message/created" && entry.body.includes(`"order_message_id":${message.id}`))!;
    expect((await emulator.redeliver(delivery)).status).toBe(200);
    await drain();
    expect((await thread(ticket.id)).filter((entry) => entry.kind === "INBOUND")).toHaveLength(1);
  });

  it("reopens a resolved ticket; staff messages are not customer messages", async () => {
    const order = shop.createOrder({ products: [WIDGET] });
    await drain();
    const ticket = await mainTicket(order.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "IN_PROGRESS" });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED" });
    shop.addOrderMessage(order.id, { message: "We shipped it today", fromStaff: true });
    await drain();
    expect((await mainTicket(order.id)).status).toBe("RESOLVED");
    shop.addOrderMessage(order.id, { message: "Still nothing here" });
    await drain();
    expect((await mainTicket(order.id)).status).toBe("AWAITING_AGENT");
    expect((await thread(ticket.id)).filter((entry) => entry.kind === "INBOUND").map((entry) => entry.body)).toEqual(["Still nothing here"]);
  });
});

describe("customers", () => {
  it("links by BigCommerce id, else email: one customer never becomes two", async () => {
    const known = await createCustomer(store.id, { email: "Returning@Example.com", name: null });
    const guestOrder = shop.createOrder({ guest: { email: "returning@example.com", firstName: "Rhea", lastName: "Turner" }, products: [WIDGET] });
    await drain();
    expect((await mainTicket(guestOrder.id)).customerId).toBe(known.id);

    const account = shop.createCustomer({ email: "returning@example.com", firstName: "Rhea", lastName: "Turner" });
    const accountOrder = shop.createOrder({ customerId: account.id, products: [WIDGET] });
    await drain();
    expect((await mainTicket(accountOrder.id)).customerId).toBe(known.id);
    shop.updateCustomer(account.id, { email: "rhea@example.com" });
    const later = shop.createOrder({ customerId: account.id, products: [WIDGET] });
    await drain();
    expect((await mainTicket(later.id)).customerId).toBe(known.id);
    const customer = await db().customer.findUniqueOrThrow({ where: { id: known.id }, select: { bigcommerceCustomerId: true, email: true, name: true } });
    expect(customer).toEqual({ bigcommerceCustomerId: account.id, email: "rhea@example.com", name: "Rhea Turner" });
    expect(await db().customer.count({ where: { storeId: store.id, OR: [{ email: { contains: "rhea", mode: "insensitive" } }, { email: { contains: "returning", mode: "insensitive" } }] } })).toBe(1);
  });
});
