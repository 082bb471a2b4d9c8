import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { startTelegramEmulator, type EmulatorBot, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { connectStoreBot, registerTelegramWebhook } from "@/lib/telegram/connect-store-bot.ts";
import { startTelegramPolling } from "@/lib/telegram/poll-telegram-updates.ts";
import { storeBot } from "@/lib/telegram/store-bot.ts";
import { createCustomer, createStore, type TestStore } from "@/lib/testing/factories.ts";
import { drainInbound } from "@/lib/testing/telegram-harness.ts";

let emulator: TelegramEmulator;
let bot: EmulatorBot;
let store: TestStore;

beforeAll(async () => {
  emulator = await startTelegramEmulator();
  process.env.TELEGRAM_API_ROOT = emulator.apiRoot;
  bot = emulator.createBot();
  store = await createStore();
  const { webhookSecret } = await connectStoreBot(db(), { storeId: store.id, token: bot.token });
  // A webhook left over from webhook mode: polling must take over from it.
  await registerTelegramWebhook(await storeBot(store.id, bot.token), { url: "http://127.0.0.1:9/unreachable", secret: webhookSecret });
});

afterAll(async () => {
  await emulator.close();
});

function storedEvents() {
  return db().inboundEvent.count({ where: { storeId: store.id, source: "TELEGRAM" } });
}

describe("polling mode", () => {
  it("feeds getUpdates into the same inbound queue, once per update across a restart", async () => {
    await createCustomer(store.id, { telegramChatId: "860001" });
    const customer = bot.customer(860_001);
    const log: string[] = [];
    let poller = startTelegramPolling(db(), { storeId: store.id, token: bot.token, log: (line) => log.push(line), timeoutSeconds: 1, idleMs: 10 });
    customer.sendText("first");
    customer.sendText("second");
    await expect.poll(storedEvents, { timeout: 10_000 }).toBe(2);
    expect(bot.state.webhook).toBeNull();

    // Restart the poller: Telegram would hand out unconfirmed updates again; the dedupe key absorbs them.
    await poller.stop();
    poller = startTelegramPolling(db(), { storeId: store.id, token: bot.token, log: (line) => log.push(line), timeoutSeconds: 1, idleMs: 10 });
    customer.sendText("third");
    await expect.poll(storedEvents, { timeout: 10_000 }).toBe(3);
    await bot.flush();
    await poller.stop();
    expect(await storedEvents()).toBe(3);

    await drainInbound(store.id);
    const messages = await db().message.findMany({ where: { storeId: store.id, kind: "INBOUND" }, orderBy: { createdAt: "asc" }, select: { body: true } });
    expect(messages.map((message) => message.body)).toEqual(["first", "second", "third"]);
    expect(log).toEqual([]);
  });
});
