import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { createTicket } from "@/lib/testing/factories.ts";
import { getTicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

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

  it("opens a ticket with the order attached once the order number and its billing email match", async () => {
    const shopper = harness.shop.createCustomer({ email: "ola@example.com", firstName: "Ola", lastName: "Nordmann" }, { silent: true });
    const order = harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Kayak", sku: "KAY-1", price: 499 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("My kayak has a crack");
    customer.sendText(`#${order.id}`);
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("Thanks. To keep orders private, please also send the billing email address (or billing postcode) of that order.");
    expect(await ticketsOf(customer.chatId)).toEqual([]);
    customer.sendText("Ola@Example.com");
    await harness.settle();

    const [ticket, ...others] = await ticketsOf(customer.chatId);
    expect(others).toEqual([]);
    expect(ticket).toMatchObject({ source: "TELEGRAM", bigcommerceOrderId: order.id, status: "AWAITING_AGENT", customer: { email: "ola@example.com", bigcommerceCustomerId: shopper.id } });
    expect(ticket!.subject).toBe(`My kayak has a crack — order #${order.id}`);
    const inbound = ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body);
    expect(inbound).toEqual(["My kayak has a crack", `#${order.id}`, "Ola@Example.com"]);
    const confirmation = ticket!.messages.find((message) => message.kind === "OUTBOUND");
    expect(confirmation).toMatchObject({ channel: "TELEGRAM", deliveryStatus: "SENT" });
    expect(texts(customer).at(-1)).toBe(`Thanks! I found order #${order.id} and opened request #${ticket!.number}. An agent will reply here; you can keep writing meanwhile.`);
    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(customer.chatId) }, select: { verifiedAt: true, verifiedBy: true } });
    expect(identity.verifiedBy).toBe("ORDER_AND_EMAIL");
  });

  it("accepts the order number with its billing postcode in one message", async () => {
    const order = harness.shop.createOrder({ guest: { email: "pia@example.com", firstName: "Pia", lastName: "P" }, products: [{ name: "Cap", sku: "CAP-1", price: 19 }] }, { silent: true });
    const zip = (harness.shop.requireOrder(order.id).billing_address.zip ?? "").toLowerCase();
    expect(zip).not.toBe("");
    const customer = chat();
    customer.sendText(`${order.id} ${zip}`);
    await harness.settle();
    const [ticket] = await ticketsOf(customer.chatId);
    // A guest order's email is not written onto the chat's record: anyone can type it at checkout.
    expect(ticket).toMatchObject({ bigcommerceOrderId: order.id, customer: { email: null } });
  });

  it("a stranger with someone's order number gets the same neutral words as for no order, and an unverified conversation that knows nothing of it", async () => {
    const lena = harness.shop.createCustomer({ email: "lena.fischer@example.com", firstName: "Lena", lastName: "Fischer" }, { silent: true });
    const order = harness.shop.createOrder({ customerId: lena.id, products: [{ name: "Jacket", sku: "JAC-1", price: 180 }] }, { silent: true });
    harness.shop.addShipment(order.id, { trackingNumber: "FX-SECRET-42", carrier: "fedex" }, { silent: true });
    const knownLena = await createTicket(harness.store.id, { subject: `Order #${order.id}`, source: "BIGCOMMERCE", customer: { email: "lena.fischer@example.com", name: "Lena Fischer" }, bigcommerceOrderId: order.id });

    const stranger = chat();
    const control = chat();
    stranger.sendCommand("start");
    control.sendCommand("start");
    stranger.sendText(String(order.id));
    control.sendText("99999991");
    await harness.settle();
    // Same words for a real order and for none: the bot is no oracle for order numbers.
    expect(texts(stranger).at(-1)).toBe(texts(control).at(-1));
    stranger.sendText("lena@example.org");
    control.sendText("lena@example.org");
    await harness.settle();
    const anyTicket = (text: string) => text.replace(/#\d+/g, "#N").replace(/Kim\d+/g, "Kim");
    expect(texts(stranger).map(anyTicket)).toEqual(texts(control).map(anyTicket));
    expect(texts(stranger).some((text) => text.includes("don't match an order I can look at"))).toBe(true);
    stranger.sendCommand("status", String(order.id));
    await harness.settle();

    const [conversation, ...none] = await ticketsOf(stranger.chatId);
    expect(none).toEqual([]);
    expect(conversation).toMatchObject({ bigcommerceOrderId: null, customer: { email: null, bigcommerceCustomerId: null } });
    const everything = texts(stranger).join("\n");
    for (const secret of ["Lena", "Fischer", "FX-SECRET-42", "Jacket", "Shipped", "lena.fischer"]) expect(everything).not.toContain(secret);
    const context = await getTicketContext(db(), { storeId: harness.store.id, ticketId: conversation!.id });
    expect(context).toMatchObject({ unverifiedChat: true, order: null, bigcommerceOrderId: null, otherOrders: [] });
    expect(context.customer?.telegram).toMatchObject({ verified: false });
    // Lena's record has no chat, and her ticket's replies have nowhere to go but her own verified chat.
    expect(await db().channelIdentity.count({ where: { storeId: harness.store.id, customerId: knownLena.ticket.customer!.id } })).toBe(0);
  });

  it("stops checking after five wrong pairs for a chat, and for an order from any chat", async () => {
    const order = harness.shop.createOrder({ guest: { email: "vera@example.com", firstName: "Vera", lastName: "V" }, products: [{ name: "Mug", sku: "MUG-1", price: 9 }] }, { silent: true });
    const guesser = chat();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      guesser.sendText(`${order.id} guess${attempt}@example.com`);
      await harness.settle();
    }
    guesser.sendText(`${order.id} vera@example.com`);
    await harness.settle();
    expect(texts(guesser).at(-1)).toContain("Too many tries for now");
    expect(texts(guesser).filter((text) => text.includes("don't match"))).toHaveLength(5);
    const [unverified] = await ticketsOf(guesser.chatId);
    expect(unverified).toMatchObject({ bigcommerceOrderId: null, customer: { email: null } });

    // The order itself is now closed to guessing for the hour, even from a fresh chat with the right email.
    const owner = chat();
    owner.sendText(`${order.id} vera@example.com`);
    await harness.settle();
    expect(texts(owner).some((text) => text.includes("Too many tries for now"))).toBe(true);
    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(owner.chatId) }, select: { verifiedAt: true } });
    expect(identity.verifiedAt).toBeNull();
  });

  it("does not link a chat by an email alone", async () => {
    const shopper = harness.shop.createCustomer({ email: "ravi@example.com", firstName: "Ravi", lastName: "Shah" }, { silent: true });
    const latest = harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Helmet", sku: "HEL-1", price: 89 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    await harness.settle();
    customer.pressButton("intake:reason:refund");
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("Let's look at your refund. Please send your order number (for example 1024) together with the order's billing email or billing postcode.");
    customer.sendText("Ravi@Example.com");
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("Thanks. Please also send the order number, so I can check the two together.");
    expect(await ticketsOf(customer.chatId)).toEqual([]);
    customer.sendText(String(latest.id));
    await harness.settle();

    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ subject: `Refund request — order #${latest.id}`, bigcommerceOrderId: latest.id, customer: { email: "ravi@example.com", bigcommerceCustomerId: shopper.id } });
    expect(ticket!.tags).toEqual(["telegram", "refund"]);
    expect(harness.bot.state.callbackAnswers.map((answer) => answer.text)).toContain("Got it");
  });

  it("answers 'where is my order' with the store's status and tracking once verified", async () => {
    const order = harness.shop.createOrder({ guest: { email: "tia@example.com", firstName: "Tia", lastName: "T" }, products: [{ name: "Tent", sku: "TEN-1", price: 250 }] }, { silent: true });
    harness.shop.addShipment(order.id, { trackingNumber: "1Z999", carrier: "ups" }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    await harness.settle();
    customer.pressButton("📦 Where is my order?");
    await harness.settle();
    customer.sendText(`${order.id} tia@example.com`);
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
    customer.sendText(`${order.id} lea@example.com`);
    await harness.settle();
    customer.sendText("Any news?");
    await harness.settle();
    const [first, ...rest] = await ticketsOf(customer.chatId);
    expect(rest).toEqual([]);
    let ticket = first;
    expect(ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual([`${order.id} lea@example.com`, "Any news?"]);

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
    expect(tickets[1]!.subject).toBe(`A new question — order #${order.id}`);
    expect(tickets[1]!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual(["A new question"]);
  });

  it("lets a customer go on without an order, unverified, and verify later in the same conversation", async () => {
    const order = harness.shop.createOrder({ guest: { email: "sol@example.com", firstName: "Sol", lastName: "S" }, products: [{ name: "Sock", sku: "SOC-1", price: 5 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("I have a question about sizes");
    await harness.settle();
    expect(texts(customer).at(-1)).toContain("If you don't have them, tap below");
    customer.pressButton("intake:skip");
    await harness.settle();
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ subject: "I have a question about sizes", bigcommerceOrderId: null });
    customer.sendText("Size M please");
    customer.sendText(`${order.id} sol@example.com`);
    await harness.settle();
    const [same, ...none] = await ticketsOf(customer.chatId);
    expect(none).toEqual([]);
    expect(same).toMatchObject({ id: ticket!.id, bigcommerceOrderId: order.id });
    expect(same!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual(["I have a question about sizes", "Size M please", `${order.id} sol@example.com`]);
    expect(texts(customer).at(-1)).toBe(`Thanks, that matches: you're verified for order #${order.id}, and request #${ticket!.number} now has its details. An agent will reply here.`);
  });

  it("opens an unverified conversation for someone who keeps writing without order details", async () => {
    const customer = chat();
    customer.sendCommand("start");
    customer.sendText("hello?");
    customer.sendText("is anyone there");
    customer.sendText("I need help with a gift card");
    await harness.settle();
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket).toMatchObject({ subject: "hello?", bigcommerceOrderId: null });
    expect(ticket!.messages.filter((message) => message.kind === "INBOUND")).toHaveLength(3);
  });

  it("answers /status only to a verified chat, and only about its customer's own orders", async () => {
    const mine = harness.shop.createOrder({ guest: { email: "sam@example.com", firstName: "Sam", lastName: "S" }, products: [{ name: "Rope", sku: "ROP-1", price: 20 }] }, { silent: true });
    const theirs = harness.shop.createOrder({ guest: { email: "other@example.com", firstName: "O", lastName: "O" }, products: [{ name: "Rope", sku: "ROP-1", price: 20 }] }, { silent: true });
    const customer = chat();
    customer.sendCommand("status", String(mine.id));
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("First send your order number together with its billing email (or postcode), so I know the orders are yours.");
    customer.sendText(`${mine.id} sam@example.com`);
    await harness.settle();
    customer.sendCommand("status", String(mine.id));
    await harness.settle();
    expect(texts(customer).at(-1)).toBe(`Order #${mine.id}: Awaiting Fulfillment.`);
    customer.sendCommand("status", String(theirs.id));
    await harness.settle();
    expect(texts(customer).at(-1)).toBe(`I can only share the status of orders placed with your details. Order #${theirs.id} isn't one of them.`);
    // Commands are bot conversation, not part of the ticket's thread.
    const [ticket] = await ticketsOf(customer.chatId);
    expect(ticket!.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual([`${mine.id} sam@example.com`]);
  });

  it("retries an update whose store lookup failed, and answers once the store is back", async () => {
    const order = harness.shop.createOrder({ guest: { email: "ren@example.com", firstName: "Ren", lastName: "R" }, products: [{ name: "Lamp", sku: "LAM-1", price: 30 }] }, { silent: true });
    const customer = chat();
    harness.shop.failNext(/\/v2\/orders\//, 500, 1);
    customer.sendText(`${order.id} ren@example.com`);
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

  it("joins the ticket of the order the customer proves, not their most recent one", async () => {
    const guest = { email: "two.orders@example.com", firstName: "Tess", lastName: "Two" };
    const named = harness.shop.createOrder({ guest, products: [{ name: "Tent", sku: "TENT-1", price: 120 }] }, { silent: true });
    const other = harness.shop.createOrder({ guest, products: [{ name: "Stove", sku: "STOVE-1", price: 60 }] }, { silent: true });
    const customerOf = { email: guest.email, name: "Tess Two" };
    const namedTicket = await createTicket(harness.store.id, { subject: `Order #${named.id}`, source: "BIGCOMMERCE", customer: customerOf, bigcommerceOrderId: named.id });
    // Created later, so it is the customer's most recently active ticket.
    const otherTicket = await createTicket(harness.store.id, { subject: `Order #${other.id}`, source: "BIGCOMMERCE", customer: customerOf, bigcommerceOrderId: other.id });
    const customer = chat();
    customer.sendText(`${named.id} ${guest.email}`);
    await harness.settle();

    const bodies = async (ticketId: string) =>
      (await db().message.findMany({ where: { ticketId, kind: "INBOUND" }, select: { body: true } })).map((message) => message.body);
    expect(await bodies(namedTicket.ticket.id)).toEqual([`${named.id} ${guest.email}`]);
    expect(await bodies(otherTicket.ticket.id)).toEqual([]);
  });

  it("joins the open ticket of the guest order the chat proved, without taking over the customer filed under its email", async () => {
    const order = harness.shop.createOrder({ guest: { email: "known@example.com", firstName: "Kai", lastName: "Known" }, products: [{ name: "Oar", sku: "OAR-1", price: 40 }] }, { silent: true });
    const existing = await createTicket(harness.store.id, { subject: `Order #${order.id}`, source: "BIGCOMMERCE", customer: { email: "known@example.com", name: "Kai Known" }, bigcommerceOrderId: order.id });
    const customer = chat();
    customer.sendText("Hello, about my oar");
    customer.sendText(`order ${order.id}`);
    customer.sendText("known@example.com");
    await harness.settle();

    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(customer.chatId) }, select: { id: true, customerId: true } });
    // A billing email proves nothing about who owns it: the chat keeps its own record.
    expect(identity.customerId).not.toBe(existing.ticket.customer!.id);
    const ticket = await db().ticket.findUniqueOrThrow({
      where: { id: existing.ticket.id },
      select: { number: true, messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, body: true } } },
    });
    expect(await ticketsOf(customer.chatId)).toEqual([]);
    expect(ticket.messages.filter((message) => message.kind === "INBOUND").map((message) => message.body)).toEqual(["Hello, about my oar", `order ${order.id}`, "known@example.com"]);
    expect(texts(customer).at(-1)).toBe(`Thanks, that matches: you're verified for order #${order.id}, and request #${ticket.number} now has its details. An agent will reply here.`);
    // The order's ticket now answers to this chat, and the chat's later messages go there.
    expect(await db().ticket.findUniqueOrThrow({ where: { id: existing.ticket.id }, select: { channelIdentityId: true } })).toEqual({ channelIdentityId: identity.id });
    customer.sendText("Any news on the oar?");
    await harness.settle();
    expect(await db().message.count({ where: { ticketId: existing.ticket.id, kind: "INBOUND", body: "Any news on the oar?" } })).toBe(1);
    expect(await db().customer.count({ where: { storeId: harness.store.id, email: "known@example.com" } })).toBe(1);
  });
});
