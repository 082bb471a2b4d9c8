import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events.ts";
import { createRealtimeServer, type RealtimeHandle } from "@/lib/realtime/socket-server.ts";
import { forgetStoreBots } from "@/lib/telegram/store-bot.ts";
import { connectStoreBot } from "@/lib/telegram/connect-store-bot.ts";
import { createCustomer, createStore, createTicket, createUser, type TestUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { startTestDispatcher } from "@/lib/testing/event-dispatcher.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { runOutboxBatch } from "./run-outbox-batch.ts";
import { startOutboxSender } from "./start-outbox-sender.ts";

let harness: TelegramHarness;
let agent: TestUser;
let nextChat = 830_000;

beforeAll(async () => {
  harness = await startTelegramHarness();
  agent = await createUser(harness.store.id, { name: "Ada" });
});

afterAll(async () => {
  await harness.close();
});

/** A customer with a linked chat and an open ticket, as after intake. */
async function customerWithTicket() {
  const chatId = ++nextChat;
  const customer = await createCustomer(harness.store.id, { telegramChatId: String(chatId) });
  const { ticket } = await createTicket(harness.store.id, { customerId: customer.id, source: "TELEGRAM" });
  return { chat: harness.bot.customer(chatId), ticketId: ticket.id };
}

function reply(ticketId: string, body: string): Promise<MessageDto> {
  return addReply(db(), { storeId: harness.store.id, ticketId, body, actorId: agent.id });
}

function message(id: string) {
  return db().message.findUniqueOrThrow({ where: { id }, select: { deliveryStatus: true, deliveryError: true, externalId: true, deliveredAt: true } });
}

describe("Telegram outbox", () => {
  it("delivers an agent reply and marks it sent with the Telegram message id", async () => {
    const { chat, ticketId } = await customerWithTicket();
    const sent = await reply(ticketId, "Your parcel left our warehouse today.");
    expect(sent.deliveryStatus).toBe("QUEUED");
    await harness.sendOutbox();
    const [received] = chat.received();
    expect(received?.text).toBe("Your parcel left our warehouse today.");
    expect(await message(sent.id)).toMatchObject({ deliveryStatus: "SENT", deliveryError: null, externalId: `${chat.chatId}:${received!.messageId}` });
  });

  it("splits a reply over 4096 characters into parts, in order", async () => {
    const { chat, ticketId } = await customerWithTicket();
    const paragraphs = Array.from({ length: 30 }, (_, index) => `Paragraph ${index}: ${"lorem ipsum ".repeat(30).trim()}`);
    const body = paragraphs.join("\n\n");
    expect(body.length).toBeGreaterThan(2 * 4096);
    const sent = await reply(ticketId, body);
    await harness.sendOutbox();
    const parts = chat.received().map((entry) => entry.text!);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join("\n\n")).toBe(body);
    expect((await message(sent.id)).deliveryStatus).toBe("SENT");
  });

  it("keeps one message a second per chat and 30 a second per bot", async () => {
    const first = await customerWithTicket();
    await reply(first.ticketId, "one");
    await reply(first.ticketId, "two");
    const others = await Promise.all(Array.from({ length: 34 }, () => customerWithTicket()));
    for (const other of others) await reply(other.ticketId, "hello");
    const now = new Date(Date.now() + 60_000);
    const batch = await runOutboxBatch(db(), { workerId: "pace", storeIds: [harness.store.id], now });
    // 35 chats are due, but only 30 go out in the first second; "two" waits for "one" in its chat.
    expect(batch.sent).toBe(30);
    const again = await runOutboxBatch(db(), { workerId: "pace", storeIds: [harness.store.id], now });
    expect(again.sent).toBe(0);
    await harness.sendOutbox();
    expect(first.chat.received().map((entry) => entry.text)).toEqual(["one", "two"]);
    for (const other of others) expect(other.chat.received().map((entry) => entry.text)).toEqual(["hello"]);
  });

  it("rides out a 429 storm: every reply arrives once, in order per chat", async () => {
    const chats = await Promise.all(Array.from({ length: 4 }, () => customerWithTicket()));
    for (let index = 0; index < 5; index += 1) {
      for (const { ticketId } of chats) await reply(ticketId, `reply ${index}`);
    }
    harness.bot.storm({ calls: 20, every: 2, retryAfter: 3 });
    const before = harness.bot.calls("sendMessage").filter((call) => call.errorCode === 429).length;
    await harness.sendOutbox();
    const rateLimited = harness.bot.calls("sendMessage").filter((call) => call.errorCode === 429).length - before;
    expect(rateLimited).toBe(10);
    for (const { chat } of chats) {
      expect(chat.received().map((entry) => entry.text)).toEqual(["reply 0", "reply 1", "reply 2", "reply 3", "reply 4"]);
    }
  });

  it("retries with backoff, then fails with the reason", async () => {
    const { chat, ticketId } = await customerWithTicket();
    harness.bot.failNext("sendMessage", { error_code: 502, description: "Bad Gateway", times: 2, chatId: chat.chatId });
    const recovered = await reply(ticketId, "third time lucky");
    await harness.sendOutbox();
    expect(chat.received().map((entry) => entry.text)).toEqual(["third time lucky"]);
    expect((await message(recovered.id)).deliveryStatus).toBe("SENT");

    harness.bot.failNext("sendMessage", { error_code: 502, description: "Bad Gateway", times: 50, chatId: chat.chatId });
    const doomed = await reply(ticketId, "never arrives");
    await harness.sendOutbox();
    expect(await message(doomed.id)).toMatchObject({ deliveryStatus: "FAILED", deliveryError: "Telegram error 502: Bad Gateway (gave up after 6 attempts)" });
    expect(chat.received()).toHaveLength(1);
  });

  it("fails at once on a refusal that would repeat", async () => {
    nextChat += 1;
    // The customer's chat is unknown to Telegram (never started the bot): "chat not found".
    const customer = await createCustomer(harness.store.id, { telegramChatId: String(nextChat) });
    const { ticket } = await createTicket(harness.store.id, { customerId: customer.id, source: "TELEGRAM" });
    const sent = await reply(ticket.id, "hello?");
    await harness.sendOutbox();
    expect(await message(sent.id)).toMatchObject({ deliveryStatus: "FAILED", deliveryError: "Telegram refused the message: Bad Request: chat not found" });
  });

  it("delivers a reply queued before a restart exactly once", async () => {
    const { chat, ticketId } = await customerWithTicket();
    const queued = await reply(ticketId, "sent after the restart");
    // A sender died holding a claim on another reply: its lease runs out and the row goes back to the queue.
    const claimedByDeadSender = await reply(ticketId, "claimed by a sender that died");
    await runOutboxBatch(db(), { workerId: "dead", storeIds: [harness.store.id], now: new Date(Date.now() - 10 * 60_000), limit: 0 });
    await db().telegramDelivery.updateMany({ where: { messageId: claimedByDeadSender.id }, data: { status: "SENDING", lockedBy: "dead", lockedAt: new Date(Date.now() - 10 * 60_000) } });

    forgetStoreBots();
    await harness.sendOutbox();
    await harness.sendOutbox();
    expect(chat.received().map((entry) => entry.text)).toEqual(["sent after the restart", "claimed by a sender that died"]);
    expect((await message(queued.id)).deliveryStatus).toBe("SENT");
    expect((await message(claimedByDeadSender.id)).deliveryStatus).toBe("SENT");
  });

  it("holds replies to a customer who blocked the bot, marks them, and sends them once unblocked", async () => {
    const { chat, ticketId } = await customerWithTicket();
    chat.block();
    await harness.processInbound();
    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(chat.chatId) }, select: { blockedAt: true } });
    expect(identity.blockedAt).not.toBeNull();
    const activity = await db().message.findFirst({ where: { ticketId, kind: "ACTIVITY", meta: { path: ["event"], equals: "blocked" } }, select: { body: true } });
    // Said once, in one sentence.
    expect(activity?.body).toBe("The customer blocked the bot on Telegram: replies are held until they unblock it.");

    const held = await reply(ticketId, "are you there?");
    await harness.sendOutbox();
    expect(await message(held.id)).toMatchObject({ deliveryStatus: "HELD", deliveryError: "The customer has blocked the bot: held until they unblock it" });
    expect(chat.received()).toEqual([]);

    chat.unblock();
    await harness.settle();
    expect(chat.received().map((entry) => entry.text)).toEqual(["are you there?"]);
    expect((await message(held.id)).deliveryStatus).toBe("SENT");
  });

  it("marks the customer blocked when Telegram answers 403, even without the update", async () => {
    const { chat, ticketId } = await customerWithTicket();
    harness.bot.state.setBlocked(chat.chatId, true);
    const held = await reply(ticketId, "hello");
    await harness.sendOutbox();
    expect((await message(held.id)).deliveryStatus).toBe("HELD");
    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(chat.chatId) }, select: { blockedAt: true } });
    expect(identity.blockedAt).not.toBeNull();
  });
});

describe("the background sender", () => {
  it("delivers a reply within moments on the real clock, woken by the commit", async () => {
    // A store of its own: the tests above ran the sender on a clock moved ahead of real time.
    const store = await createStore();
    const bot = harness.emulator.createBot();
    await connectStoreBot(db(), { storeId: store.id, token: bot.token });
    const chat = bot.customer(++nextChat);
    const customer = await createCustomer(store.id, { telegramChatId: String(chat.chatId) });
    const { ticket } = await createTicket(store.id, { customerId: customer.id, source: "TELEGRAM" });
    const sender = startOutboxSender(db(), { workerId: "loop", log: () => undefined, storeIds: [store.id], pollMs: 60_000 });
    // The commit's domain event wakes the sender (telegram-subscriber.ts), as in production.
    const dispatcher = startTestDispatcher({ storeIds: [store.id], telegram: true });
    try {
      // Let the loop reach its idle sleep, so the reply below must wake it (its poll is a minute).
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sent = await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "live", actorId: (await createUser(store.id)).id });
      await expect.poll(async () => (await message(sent.id)).deliveryStatus, { timeout: 5_000 }).toBe("SENT");
      expect(chat.received().map((entry) => entry.text)).toEqual(["live"]);
    } finally {
      await dispatcher.stop();
      await sender.stop();
    }
  });
});

describe("delivery status, live", () => {
  let httpServer: HttpServer;
  let realtime: RealtimeHandle;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    httpServer = createServer();
    realtime = await createRealtimeServer(httpServer);
    harness.pushTo(realtime.io);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    socket = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, {
      transports: ["websocket"],
      extraHeaders: { cookie: await sessionCookieFor(agent) },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
  });

  afterAll(async () => {
    socket.disconnect();
    await realtime.close();
  });

  it("pushes sending, sent and failed to the inbox as they happen", async () => {
    const seen: Array<{ id: string; status: string | null; error: string | null }> = [];
    socket.on("message:updated", ({ message: updated }) => seen.push({ id: updated.id, status: updated.deliveryStatus, error: updated.deliveryError }));
    const { chat, ticketId } = await customerWithTicket();
    const ok = await reply(ticketId, "on its way");
    // The chat's second call fails: the first reply goes through, the second is refused.
    harness.bot.failNext("sendMessage", { error_code: 400, description: "Bad Request: message is too long", chatId: chat.chatId, times: 1, every: 2 });
    const bad = await reply(ticketId, "refused");
    await harness.sendOutbox();
    // Socket events arrive asynchronously: wait for them, without asserting any timing. A push
    // shows the message as it is when delivered, so a state the sender moved past in the
    // meantime (SENDING) may be skipped, never shown after a later one.
    const statuses = (id: string) => seen.filter((entry) => entry.id === id).map((entry) => entry.status);
    await expect.poll(() => statuses(bad.id).at(-1)).toBe("FAILED");
    await expect.poll(() => statuses(ok.id).at(-1)).toBe("SENT");
    expect(["SENDING,FAILED", "FAILED"]).toContain(statuses(bad.id).join(","));
    expect(["SENDING,SENT", "SENT"]).toContain(statuses(ok.id).join(","));
    expect(seen.find((entry) => entry.id === bad.id && entry.status === "FAILED")?.error).toBe("Telegram refused the message: Bad Request: message is too long");
  });
});
