import { createServer } from "node:net";
import TelegramServer from "telegram-test-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { connectStoreBot } from "@/lib/telegram/connect-store-bot.ts";
import { startTelegramPolling, type TelegramPoller } from "@/lib/telegram/poll-telegram-updates.ts";
import { forgetStoreBots } from "@/lib/telegram/store-bot.ts";
import { createCustomer, createStore, createUser, type TestStore } from "@/lib/testing/factories.ts";
import type { DomainEventDispatcher } from "@/lib/domain-events/start-domain-event-dispatcher.ts";
import { startTestDispatcher } from "@/lib/testing/event-dispatcher.ts";
import { drainInbound, outboxDrainer } from "@/lib/testing/telegram-harness.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

/**
 * A second, independent check of Tern's Telegram side against a Bot API emulator Tern did not
 * write (the telegram-test-api package). It supports getMe, getUpdates, sendMessage,
 * editMessageText, answerCallbackQuery and set/deleteWebhook, so this covers the intake greeting
 * and buttons, messages into tickets, agent replies and the CSAT answer. It runs Tern in polling
 * mode: in webhook mode telegram-test-api sends no secret header (Tern answers 401, as it must)
 * and throws on any reply above 204.
 */

const TOKEN = "666:telegram-test-api-token";

let server: TelegramServer;
let store: TestStore;
let poller: TelegramPoller;
let sendOutbox: ReturnType<typeof outboxDrainer>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let dispatcher: DomainEventDispatcher;
beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
  await server.start();
  process.env.TELEGRAM_API_ROOT = server.config.apiURL;
  forgetStoreBots();
  store = await createStore();
  await connectStoreBot(db(), { storeId: store.id, token: TOKEN });
  poller = startTelegramPolling(db(), { storeId: store.id, token: TOKEN, log: () => undefined, timeoutSeconds: 0, idleMs: 20 });
  sendOutbox = outboxDrainer(store.id);
  // The CSAT question is Telegram's reaction to the ticket.resolved event.
  dispatcher = startTestDispatcher({ storeIds: [store.id], telegram: true });
});

afterAll(async () => {
  await dispatcher.stop();
  await poller.stop();
  await server.stop();
});

/** Until the poller stored as many updates for this chat as were sent. */
async function polled(count: number): Promise<void> {
  await expect.poll(() => db().inboundEvent.count({ where: { storeId: store.id, source: "TELEGRAM" } }), { timeout: 10_000 }).toBe(count);
}

let events = 0;

async function settle(): Promise<void> {
  events += 1;
  await polled(events);
  await drainInbound(store.id);
  await sendOutbox();
}

type BotMessage = { message: { text?: string; reply_markup?: { inline_keyboard: Array<Array<{ callback_data?: string }>> } } };

describe("Tern against telegram-test-api (polling mode)", () => {
  it("greets a new customer with the reason buttons and answers a button", async () => {
    const client = server.getClient(TOKEN, { chatId: 9101, userId: 9101, firstName: "Ivy" });
    await client.sendCommand(client.makeCommand("/start"));
    await settle();
    const greeting = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(greeting).toHaveLength(1);
    expect(greeting[0]!.message.text).toContain("What can we help you with?");
    expect(greeting[0]!.message.reply_markup?.inline_keyboard.flat().map((button) => button.callback_data)).toContain("intake:reason:return");

    await client.sendCallback(client.makeCallbackQuery("intake:reason:return"));
    await settle();
    const ask = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(ask.map((update) => update.message.text)).toEqual(["Let's set up your return. Please send your order number (for example 1024) together with the order's billing email or billing postcode."]);
  });

  it("turns a known customer's message into a ticket, delivers the agent's reply and records the CSAT answer", async () => {
    const customer = await createCustomer(store.id, { telegramChatId: "9102" });
    const agent = await createUser(store.id);
    const client = server.getClient(TOKEN, { chatId: 9102, userId: 9102, firstName: "Oz" });
    await client.sendMessage(client.makeMessage("My order never came"));
    await settle();
    const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: store.id, customerId: customer.id }, select: { id: true, number: true } });
    const inbound = await db().message.findMany({ where: { ticketId: ticket.id, kind: "INBOUND" }, select: { body: true } });
    expect(inbound).toEqual([{ body: "My order never came" }]);
    const confirmation = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(confirmation.map((update) => update.message.text)).toEqual([`Thanks! I opened request #${ticket.number}. An agent will reply here; you can keep writing meanwhile.`]);

    const reply = await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Sorry! A new one ships today.", actorId: agent.id });
    await sendOutbox();
    expect(((await client.getUpdates()).result as unknown as BotMessage[]).map((update) => update.message.text)).toEqual(["Sorry! A new one ships today."]);
    expect((await db().message.findUniqueOrThrow({ where: { id: reply.id }, select: { deliveryStatus: true } })).deliveryStatus).toBe("SENT");

    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED", actorId: agent.id });
    await expect.poll(() => db().message.count({ where: { ticketId: ticket.id, kind: "OUTBOUND", meta: { path: ["type"], equals: "csat" } } })).toBe(1);
    await sendOutbox();
    const question = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(question[0]!.message.reply_markup?.inline_keyboard[0]?.map((button) => button.callback_data)).toEqual([1, 2, 3, 4, 5].map((score) => `csat:${ticket.id}:${score}`));
    await client.sendCallback(client.makeCallbackQuery(`csat:${ticket.id}:5`));
    await settle();
    expect(await db().csatResponse.findUnique({ where: { ticketId: ticket.id }, select: { score: true } })).toEqual({ score: 5 });
  });
});
