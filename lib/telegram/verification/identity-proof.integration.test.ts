import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signStartToken } from "@/lib/chat-links/start-link.ts";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket } from "@/lib/testing/factories.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { getTicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { verifyChatByAgent } from "./verify-chat-by-agent.ts";

let harness: TelegramHarness;
let nextChat = 870_000;

beforeAll(async () => {
  harness = await startTelegramHarness();
});

afterAll(async () => {
  await harness.close();
});

function chat(firstName = "Nia") {
  nextChat += 1;
  return harness.bot.customer(nextChat, { firstName, username: `user${nextChat}` });
}

function texts(customer: ReturnType<typeof chat>): string[] {
  return customer.received().map((sent) => sent.text ?? "");
}

async function identityOf(chatId: number) {
  return db().channelIdentity.findFirstOrThrow({
    where: { storeId: harness.store.id, channel: "TELEGRAM", externalId: String(chatId) },
    select: { id: true, customerId: true, verifiedAt: true, verifiedBy: true },
  });
}

function orderFor(email: string) {
  return harness.shop.createOrder({ guest: { email, firstName: "Ana", lastName: "Link" }, products: [{ name: "Boots", sku: "BOO-1", price: 120 }] }, { silent: true });
}

describe("signed start links", () => {
  it("a customer who opens the order's link arrives verified in that order's ticket", async () => {
    const order = orderFor("ana.link@example.com");
    const orderTicket = await createTicket(harness.store.id, { subject: `Order #${order.id}`, source: "BIGCOMMERCE", customer: { email: "ana.link@example.com", name: "Ana Link" }, bigcommerceOrderId: order.id });
    const { token } = signStartToken(harness.store.id, { kind: "order", orderId: order.id });
    expect(token.length).toBeLessThanOrEqual(64);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);

    const customer = chat("Ana");
    customer.sendCommand("start", token);
    await harness.settle();
    expect(texts(customer).at(-1)).toBe(`Hi Ana! You're connected to order #${order.id}. Your request #${orderTicket.ticket.number} is open: write here and an agent will reply.`);
    const identity = await identityOf(customer.chatId);
    expect(identity.verifiedBy).toBe("SIGNED_LINK");
    // A guest's order: the chat is verified for it, not merged into whoever Tern files under its email.
    expect(identity.customerId).not.toBe(orderTicket.ticket.customer!.id);

    customer.sendText("The left boot squeaks");
    await harness.settle();
    const thread = await db().message.findMany({ where: { ticketId: orderTicket.ticket.id, kind: "INBOUND" }, select: { body: true } });
    expect(thread.map((message) => message.body)).toEqual(["The left boot squeaks"]);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: orderTicket.ticket.id }, select: { channelIdentityId: true } })).toEqual({ channelIdentityId: identity.id });

    // Opening it again from the same chat is fine; from another chat it is spent.
    customer.sendCommand("start", token);
    const other = chat("Eve");
    other.sendCommand("start", token);
    await harness.settle();
    expect(texts(customer).at(-1)).toContain(`You're connected to order #${order.id}`);
    expect(texts(other).at(-1)).toBe("This link has expired or was already used in another chat. Send your order number together with its billing email (or postcode), or just write your question.");
    expect((await identityOf(other.chatId)).verifiedAt).toBeNull();
  });

  it("refuses a forged, expired or other store's link, and says the same for each", async () => {
    const order = orderFor("ben.link@example.com");
    const otherStore = await createStore();
    const good = signStartToken(harness.store.id, { kind: "order", orderId: order.id }).token;
    const flipped = `${good.slice(0, 20)}${good[20] === "A" ? "B" : "A"}${good.slice(21)}`;
    const expired = signStartToken(harness.store.id, { kind: "order", orderId: order.id }, new Date(Date.now() - 61 * 86_400_000)).token;
    const foreign = signStartToken(otherStore.id, { kind: "order", orderId: order.id }).token;
    for (const token of [flipped, expired, foreign, "x".repeat(64), "%00"]) {
      const customer = chat();
      customer.sendCommand("start", token);
      await harness.settle();
      expect(texts(customer).at(-1)).toContain("This link has expired or was already used");
      expect((await identityOf(customer.chatId)).verifiedAt).toBeNull();
    }
    // None of them spent the real link.
    const owner = chat();
    owner.sendCommand("start", good);
    await harness.settle();
    expect((await identityOf(owner.chatId)).verifiedBy).toBe("SIGNED_LINK");
  });

  it("a customer link verifies the chat for the customer account", async () => {
    const shopper = harness.shop.createCustomer({ email: "cy.link@example.com", firstName: "Cy", lastName: "Link" }, { silent: true });
    const customer = chat("Cy");
    customer.sendCommand("start", signStartToken(harness.store.id, { kind: "customer", bigcommerceCustomerId: shopper.id }).token);
    await harness.settle();
    expect(texts(customer).at(-1)).toBe("Hi Cy! You're connected. Write your question here and an agent will reply.");
    const identity = await identityOf(customer.chatId);
    const record = await db().customer.findUniqueOrThrow({ where: { id: identity.customerId }, select: { email: true, bigcommerceCustomerId: true } });
    expect(record).toEqual({ email: "cy.link@example.com", bigcommerceCustomerId: shopper.id });
  });

  it("a chat that proved an order keeps that order when it opens its customer link too", async () => {
    const shopper = harness.shop.createCustomer({ email: "di.link@example.com", firstName: "Di", lastName: "Link" }, { silent: true });
    const order = harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Scarf", sku: "SCA-1", price: 30 }] }, { silent: true });
    const customer = chat("Di");
    customer.sendText(`${order.id} di.link@example.com`);
    await harness.settle();
    customer.sendCommand("start", signStartToken(harness.store.id, { kind: "customer", bigcommerceCustomerId: shopper.id }).token);
    await harness.settle();
    expect(texts(customer).at(-1)).toContain("You're connected.");
    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(customer.chatId) }, select: { intakeState: true } });
    expect(identity.intakeState).toMatchObject({ orderId: order.id });
  });
});

describe("replies go to the conversation's own chat", () => {
  it("sends an agent's reply to the chat that opened the ticket, not the customer's latest chat, and the sidebar shows that chat", async () => {
    const order = orderFor("dee.two@example.com");
    const first = chat("Dee");
    first.sendText(`${order.id} dee.two@example.com`);
    await harness.settle();
    const second = chat("Dee");
    second.sendCommand("start", signStartToken(harness.store.id, { kind: "order", orderId: order.id }).token);
    await harness.settle();
    second.sendText("Writing from my other phone");
    await harness.settle();
    const firstIdentity = await identityOf(first.chatId);
    const secondIdentity = await identityOf(second.chatId);
    expect([firstIdentity.verifiedBy, secondIdentity.verifiedBy]).toEqual(["ORDER_AND_EMAIL", "SIGNED_LINK"]);

    const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: harness.store.id, channelIdentityId: firstIdentity.id }, select: { id: true } });
    const before = { first: first.received().length, second: second.received().length };
    await addReply(db(), { storeId: harness.store.id, ticketId: ticket.id, body: "Your boots ship tomorrow", actorId: null });
    await harness.settle();
    expect(first.received().slice(before.first).map((sent) => sent.text)).toEqual(["Your boots ship tomorrow"]);
    expect(second.received().slice(before.second).map((sent) => sent.text)).toEqual([]);

    const context = await getTicketContext(db(), { storeId: harness.store.id, ticketId: ticket.id });
    expect(context.customer?.telegram).toMatchObject({ username: `user${first.chatId}`, verified: true, blocked: false });
  });

  it("never sends an order ticket's news to a chat that only claimed the customer", async () => {
    const order = orderFor("fay@example.com");
    const orderTicket = await createTicket(harness.store.id, { subject: `Order #${order.id}`, source: "BIGCOMMERCE", customer: { email: "fay@example.com", name: "Fay" }, bigcommerceOrderId: order.id });
    // A chat attached to Fay's record without proof (as bare order numbers did before).
    await db().channelIdentity.create({ data: { storeId: harness.store.id, customerId: orderTicket.ticket.customer!.id, channel: "TELEGRAM", externalId: "424242" }, select: { id: true } });
    const reply = await addReply(db(), { storeId: harness.store.id, ticketId: orderTicket.ticket.id, body: "Tracking: FX-1", actorId: null });
    expect(reply.channel).toBe("WEB");
    expect(await db().telegramDelivery.count({ where: { storeId: harness.store.id, chatId: "424242" } })).toBe(0);
  });
});

describe("a billing email is not proof of its owner", () => {
  it("a guest order placed with someone else's email proves that order only, never their record, tickets or other orders", async () => {
    const victim = "vic.tim@example.com";
    const victimsOrder = orderFor(victim);
    harness.shop.addShipment(victimsOrder.id, { trackingNumber: "VICTIM-TRACK-1", carrier: "ups" }, { silent: true });
    const victimsTicket = await createTicket(harness.store.id, { subject: `Order #${victimsOrder.id}`, source: "BIGCOMMERCE", customer: { email: victim, name: "Vic Tim" }, bigcommerceOrderId: victimsOrder.id });
    // The attacker checks out as a guest with the victim's email (BigCommerce does not verify it), then proves that order.
    const bait = orderFor(victim);
    const attacker = chat("Mallory");
    attacker.sendText(`${bait.id} ${victim}`);
    await harness.settle();
    const identity = await identityOf(attacker.chatId);
    expect(identity.verifiedBy).toBe("ORDER_AND_EMAIL");
    expect(identity.customerId).not.toBe(victimsTicket.ticket.customer!.id);

    attacker.sendCommand("status");
    attacker.sendCommand("status", String(victimsOrder.id));
    await harness.settle();
    await addReply(db(), { storeId: harness.store.id, ticketId: victimsTicket.ticket.id, body: "Your parcel VICTIM-TRACK-1 is on its way", actorId: null });
    await harness.settle();
    const everything = texts(attacker).join("\n");
    expect(everything).toContain(`Order #${bait.id}`);
    expect(everything).not.toContain("VICTIM-TRACK-1");
    expect(everything).not.toContain(`Order #${victimsOrder.id}:`);
  });
});

describe("a billing email is not proof of its owner (the victim comes later)", () => {
  it("a chat that proved a bait order with someone's email gets nothing of the orders that person places afterwards", async () => {
    const victim = "later.victim@example.com";
    const bait = orderFor(victim);
    const attacker = chat("Mallory");
    attacker.sendText(`${bait.id} ${victim}`);
    await harness.settle();
    expect((await identityOf(attacker.chatId)).verifiedBy).toBe("ORDER_AND_EMAIL");

    // The real owner of the email orders later; Tern files the order by its billing email.
    const real = orderFor(victim);
    const realTicket = await createTicket(harness.store.id, { subject: `Order #${real.id}`, source: "BIGCOMMERCE", customer: { email: victim, name: "Later Victim" }, bigcommerceOrderId: real.id });
    const seen = attacker.received().length;
    const reply = await addReply(db(), { storeId: harness.store.id, ticketId: realTicket.ticket.id, body: "Your order LATER-SECRET has shipped", actorId: null });
    await harness.settle();
    expect(reply.channel).toBe("WEB");
    expect(attacker.received().slice(seen).map((sent) => sent.text)).toEqual([]);
  });
});

describe("Verify and link by an agent", () => {
  it("links an unverified conversation to an order, audited, and tells the chat", async () => {
    const order = orderFor("gus@example.com");
    const customer = chat("Gus");
    customer.sendCommand("start");
    customer.sendText("I lost my receipt");
    await harness.settle();
    customer.pressButton("intake:skip");
    await harness.settle();
    const identity = await identityOf(customer.chatId);
    const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: harness.store.id, channelIdentityId: identity.id }, select: { id: true, number: true } });
    expect((await getTicketContext(db(), { storeId: harness.store.id, ticketId: ticket.id })).unverifiedChat).toBe(true);
    const agent = await db().user.create({ data: { storeId: harness.store.id, email: `agent-${nextChat}@tern.example`, name: "Ada", role: "AGENT", passwordHash: "x" }, select: { id: true } });

    // Another store's agent cannot reach it.
    const otherStore = await createStore();
    await expect(verifyChatByAgent(db(), { storeId: otherStore.id, actorId: agent.id, actorName: "Mallory", ticketId: ticket.id, bigcommerceOrderId: order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyChatByAgent(db(), { storeId: harness.store.id, actorId: agent.id, actorName: "Ada", ticketId: ticket.id, bigcommerceOrderId: 99_999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const dto = await verifyChatByAgent(db(), { storeId: harness.store.id, actorId: agent.id, actorName: "Ada", ticketId: ticket.id, bigcommerceOrderId: order.id });
    expect(dto).toMatchObject({ bigcommerceOrderId: order.id, unverifiedChat: false });
    expect(await identityOf(customer.chatId)).toMatchObject({ verifiedBy: "AGENT" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { storeId: harness.store.id, action: "telegram.chat_verified", targetId: identity.id }, select: { actorId: true, detail: true } });
    expect(audit).toMatchObject({ actorId: agent.id, detail: { ticketId: ticket.id, bigcommerceOrderId: order.id } });
    const activity = await db().message.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "ACTIVITY", authorId: agent.id }, select: { body: true } });
    expect(activity.body).toBe(`Ada verified this Telegram chat by hand and linked it to order #${order.id}`);
    await harness.settle();
    expect(texts(customer).at(-1)).toBe(`Hi! You're connected to order #${order.id}. Your request #${ticket.number} is open: write here and an agent will reply.`);
    await expect(verifyChatByAgent(db(), { storeId: harness.store.id, actorId: agent.id, actorName: "Ada", ticketId: ticket.id, bigcommerceOrderId: order.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
