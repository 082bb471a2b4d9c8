import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { createTicket } from "@/lib/testing/factories.ts";
import { transitionTicket } from "@/lib/tickets/transition-ticket.ts";

let harness: TelegramHarness;
let nextChat = 810_000;

beforeAll(async () => {
  harness = await startTelegramHarness();
});

afterAll(async () => {
  await harness.close();
});

function chat() {
  nextChat += 1;
  return harness.bot.customer(nextChat, { firstName: `Kim${nextChat}` });
}

async function ticketsOf(chatId: number) {
  const identity = await db().channelIdentity.findFirst({ where: { storeId: harness.store.id, channel: "TELEGRAM", externalId: String(chatId) }, select: { customerId: true } });
  if (!identity) return [];
  return db().ticket.findMany({
    where: { storeId: harness.store.id, customerId: identity.customerId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      subject: true,
      tags: true,
      status: true,
      source: true,
      bigcommerceOrderId: true,
      customer: { select: { email: true, bigcommerceCustomerId: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, body: true, channel: true, deliveryStatus: true } },
    },
  });
}

function texts(customer: ReturnType<typeof chat>): string[] {
  return customer.received().map((sent) => sent.text ?? "");
}

describe("Telegram intake", () => {
  it("greets on /start with the reason buttons", async () => {
    const customer = chat();
    customer.sendCommand("start");
    await harness.settle();
    const [greeting] = customer.received();
    expect(greeting?.text).toContain("What can we help you with?");
    expect(greeting?.replyMarkup?.inline_keyboard.flat().map((button) => button.callback_data)).toEqual([
      "intake:reason:where",
      "intake:reason:return",
      "intake:reason:refund",
      "intake:reason:other",
    ]);
    expect(await ticketsOf(customer.chatId)).toEqual([]);
  });

  it("opens a ticket with the order attached when the order number is found", async () => {
    const shopper = harness.shop.createCustomer({ email: "ola@example.com", firstName: "Ola", lastName: "Nordmann" }, { silent: true });
    const order = harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Kayak", sku: "KAY-1", price: 499 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("My kayak has a crack");
    customer.sendText(`#${order.id}`);
    await harness.settle();

    const [ticket, ...others] = await ticketsOf(customer.chatId);
    expect(others).toEqual([]);
    expect(ticket).toMatchObject({ source: "TELEGRAM", bigcommerceOrderId: order.id, status: "AWAITING_AGENT", customer: { email: "ola@example.com", bigcommerceCustomerId: shopper.id } });
    expect(ticket!.subject).toBe(`My kayak has a crack — order #${order.id}`);
    const inbound = ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body);
    expect(inbound).toEqual(["My kayak has a crack", `#${order.id}`]);
    const confirmation = ticket!.messages.find((message) => message.kind === "OUTBOUND");
    expect(confirmation).toMatchObject({ channel: "TELEGRAM", deliveryStatus: "SENT" });
    expect(texts(customer).at(-1)).toBe(`Thanks! I found order #${order.id} and opened request #${ticket!.number}. An agent will reply here; you can keep writing meanwhile.`);
  });

  it("says so when the order number is not found, and opens nothing", async () => {
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("999999");
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("I couldn't find order #999999. Please check the number, or send the email address you ordered with.");
    expect(await ticketsOf(customer.chatId)).toEqual([]);
  });

  it("finds a registered customer by email, with their latest order, and tags the chosen reason", async () => {
    const shopper = harness.shop.createCustomer({ email: "ravi@example.com", firstName: "Ravi", lastName: "Shah" }, { silent: true });
    harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Paddle", sku: "PAD-1", price: 59 }], createdAt: new Date(Date.now() - 86_400_000) }, { silent: true });
    const latest = harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Helmet", sku: "HEL-1", price: 89 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    await harness.settle();
    customer.pressButton("intake:reason:refund");
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("Let's look at your refund. Please send your order number (for example 1024) or the email address you ordered with.");
    customer.sendText("Ravi@Example.com");
    await harness.settle();

    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ subject: `Refund request — order #${latest.id}`, bigcommerceOrderId: latest.id, customer: { email: "ravi@example.com", bigcommerceCustomerId: shopper.id } });
    expect(ticket!.tags).toEqual(["telegram", "refund"]);
    expect(harness.bot.state.callbackAnswers.map((answer) => answer.text)).toContain("Got it");
  });

  it("finds a guest order by its email", async () => {
    const order = harness.shop.createOrder({ guest: { email: "guest.gil@example.com", firstName: "Gil", lastName: "Guest" }, products: [{ name: "Map", sku: "MAP-1", price: 12 }] }, { silent: true });
    const customer = chat();
    customer.sendText("guest.gil@example.com");
    await harness.settle();
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ bigcommerceOrderId: order.id, customer: { email: "guest.gil@example.com", bigcommerceCustomerId: null } });
  });

  it("says so when the email is not found", async () => {
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("nobody@example.com");
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("I couldn't find an order or account for nobody@example.com. Please check it, or send your order number instead.");
    expect(await ticketsOf(customer.chatId)).toEqual([]);
  });

  it("answers 'where is my order' with the store's status and tracking", async () => {
    const order = harness.shop.createOrder({ guest: { email: "tia@example.com", firstName: "Tia", lastName: "T" }, products: [{ name: "Tent", sku: "TEN-1", price: 250 }] }, { silent: true });
    harness.shop.addShipment(order.id, { trackingNumber: "1Z999", carrier: "ups" }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    await harness.settle();
    customer.pressButton("📦 Where is my order?");
    await harness.settle();
    customer.sendText(String(order.id));
    await harness.settle();
    const status = texts(customer).at(-1)!;
    expect(status).toContain(`Order #${order.id}: Shipped.`);
    expect(status).toContain("Tracking: UPS 1Z999 — https://www.ups.com/track?tracknum=1Z999");
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket!.tags).toEqual(["telegram", "shipping"]);
  });

  it("joins later messages to the open ticket, reopens a resolved one, and opens a new one after it is closed", async () => {
    const order = harness.shop.createOrder({ guest: { email: "lea@example.com", firstName: "Lea", lastName: "L" }, products: [{ name: "Stove", sku: "STO-1", price: 80 }] }, { silent: true });
    const customer = chat();
    customer.sendText(String(order.id));
    await harness.settle();
    customer.sendText("Any news?");
    await harness.settle();
    const [first, ...rest] = await ticketsOf(customer.chatId);
    expect(rest).toEqual([]);
    let ticket = first;
    expect(ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual([String(order.id), "Any news?"]);

    await transitionTicket(db(), { storeId: harness.store.id, ticketId: ticket!.id, to: "RESOLVED" });
    customer.sendText("Still broken");
    await harness.settle();
    [ticket] = await ticketsOf(customer.chatId);
    expect(ticket!.status).toBe("AWAITING_AGENT");

    await transitionTicket(db(), { storeId: harness.store.id, ticketId: ticket!.id, to: "RESOLVED" });
    await transitionTicket(db(), { storeId: harness.store.id, ticketId: ticket!.id, to: "CLOSED" });
    customer.sendText("A new question");
    await harness.settle();
    const tickets = await ticketsOf(customer.chatId);
    expect(tickets).toHaveLength(2);
    expect(tickets[1]!.subject).toBe("A new question");
    expect(tickets[1]!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual(["A new question"]);
  });

  it("lets a customer go on without an order", async () => {
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("I have a question about sizes");
    await harness.settle();
    expect(texts(customer).at(-1)).toContain("If you don't have either, tap below");
    customer.pressButton("intake:skip");
    await harness.settle();
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ subject: "I have a question about sizes", bigcommerceOrderId: null });
    customer.sendText("Size M please");
    await harness.settle();
    const [same, ...none] = await ticketsOf(customer.chatId);
    expect(none).toEqual([]);
    expect(same!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual(["I have a question about sizes", "Size M please"]);
  });

  it("answers /status only about the customer's own orders", async () => {
    const mine = harness.shop.createOrder({ guest: { email: "sam@example.com", firstName: "Sam", lastName: "S" }, products: [{ name: "Rope", sku: "ROP-1", price: 20 }] }, { silent: true });
    const theirs = harness.shop.createOrder({ guest: { email: "other@example.com", firstName: "O", lastName: "O" }, products: [{ name: "Rope", sku: "ROP-1", price: 20 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("status", String(mine.id));
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("Send your order number or the email address you ordered with first, so I can find your orders.");
    customer.sendText(String(mine.id));
    await harness.settle();
    customer.sendCommand("status", String(mine.id));
    await harness.settle();
    expect(texts(customer).at(-1)).toBe(`Order #${mine.id}: Awaiting Fulfillment.`);
    customer.sendCommand("status", String(theirs.id));
    await harness.settle();
    expect(texts(customer).at(-1)).toBe(`I can only share the status of orders placed with your details. Order #${theirs.id} isn't one of them.`);
    // Commands are bot conversation, not part of the ticket's thread.
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual([String(mine.id)]);
  });

  it("retries an update whose store lookup failed, and answers once the store is back", async () => {
    const order = harness.shop.createOrder({ guest: { email: "ren@example.com", firstName: "Ren", lastName: "R" }, products: [{ name: "Lamp", sku: "LAM-1", price: 30 }] }, { silent: true });
    const customer = chat();
    harness.shop.failNext(/\/v2\/orders\//, 500, 1);
    customer.sendText(String(order.id));
    await harness.settle();
    const event = await db().inboundEvent.findFirstOrThrow({
      where: { storeId: harness.store.id, payload: { path: ["message", "chat", "id"], equals: customer.chatId } },
      select: { id: true, status: true, attempts: true, error: true },
    });
    expect(event).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(await ticketsOf(customer.chatId)).toEqual([]);

    // The retry comes due (the worker's backoff, skipped here) and the lookup succeeds.
    await db().inboundEvent.update({ where: { id: event.id }, data: { nextAttemptAt: new Date() } });
    await harness.settle();
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ bigcommerceOrderId: order.id });
    expect(texts(customer).filter((text) => text.startsWith("Thanks! I found order"))).toHaveLength(1);
  });

  it("joins the ticket of the order the customer names, not their most recent one", async () => {
    const guest = { email: "two.orders@example.com", firstName: "Tess", lastName: "Two" };
    const named = harness.shop.createOrder({ guest, products: [{ name: "Tent", sku: "TENT-1", price: 120 }] }, { silent: true });
    const other = harness.shop.createOrder({ guest, products: [{ name: "Stove", sku: "STOVE-1", price: 60 }] }, { silent: true });
    const customerOf = { email: guest.email, name: "Tess Two" };
    const namedTicket = await createTicket(harness.store.id, { subject: `Order #${named.id}`, source: "BIGCOMMERCE", customer: customerOf, bigcommerceOrderId: named.id });
    // Created later, so it is the customer's most recently active ticket.
    const otherTicket = await createTicket(harness.store.id, { subject: `Order #${other.id}`, source: "BIGCOMMERCE", customer: customerOf, bigcommerceOrderId: other.id });
    const customer = chat();
    customer.sendText(`${named.id}`);
    await harness.settle();

    const bodies = async (ticketId: string) =>
      (await db().message.findMany({ where: { ticketId, kind: "INBOUND" }, select: { body: true } })).map((message) => message.body);
    expect(await bodies(namedTicket.ticket.id)).toEqual([`${named.id}`]);
    expect(await bodies(otherTicket.ticket.id)).toEqual([]);
  });

  it("links the chat to the customer Tern already knows and joins their open ticket", async () => {
    const order = harness.shop.createOrder({ guest: { email: "known@example.com", firstName: "Kai", lastName: "Known" }, products: [{ name: "Oar", sku: "OAR-1", price: 40 }] }, { silent: true });
    const existing = await createTicket(harness.store.id, { subject: `Order #${order.id}`, source: "BIGCOMMERCE", customer: { email: "known@example.com", name: "Kai Known" }, bigcommerceOrderId: order.id });
    const customer = chat();
    customer.sendText("Hello, about my oar");
    customer.sendText(`order ${order.id}`);
    await harness.settle();

    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(customer.chatId) }, select: { customerId: true } });
    expect(identity.customerId).toBe(existing.ticket.customer!.id);
    const [ticket, ...none] = await ticketsOf(customer.chatId);
    expect(none).toEqual([]);
    expect(ticket!.id).toBe(existing.ticket.id);
    expect(ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual(["Hello, about my oar", `order ${order.id}`]);
    expect(texts(customer).at(-1)).toBe(`Your request #${ticket!.number} is open: just write here and an agent will reply.`);
    // The first-contact record the chat started with is gone; nothing else was removed.
    expect(await db().customer.count({ where: { storeId: harness.store.id, email: "known@example.com" } })).toBe(1);
    expect(await db().customer.count({ where: { storeId: harness.store.id, name: `Kim${customer.chatId}` } })).toBe(0);
  });
});
