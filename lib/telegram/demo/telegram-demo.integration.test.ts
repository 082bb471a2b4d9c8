import { openTelegramSecret } from "@/lib/crypto/webhook-secrets.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/telegram/route.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startTelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { registerTelegramWebhook } from "@/lib/telegram/connect-store-bot.ts";
import { loadTelegramSettings } from "@/lib/telegram/load-telegram-settings.ts";
import { storeBot } from "@/lib/telegram/store-bot.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore } from "@/lib/testing/factories.ts";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server.ts";
import { drainInbound, outboxDrainer } from "@/lib/testing/telegram-harness.ts";
import { startSimulatedCustomers } from "./simulate-telegram-customers.ts";
import { startTelegramDemo, type TelegramDemo } from "./start-telegram-demo.ts";

let bigcommerce: BigcommerceEmulator;
let server: RouteServer;
let demo: TelegramDemo;

// Its own store rather than the seeded demo store: other test files drive that one at the same time.
beforeAll(async () => {
  const store = await createStore({ name: "Demo Outfitters" });
  bigcommerce = await startBigcommerceEmulator();
  const shop = await connectEmulatedStore(bigcommerce, store);
  shop.createOrder({ guest: { email: "demo.shopper@example.com", firstName: "Demo", lastName: "Shopper" }, products: [{ name: "Canoe", sku: "CAN-1", price: 900 }] }, { silent: true });
  const emulator = await startTelegramEmulator();
  // Tests give the process its configuration through the environment (lib/config/runtime-config.ts).
  process.env.TELEGRAM_API_ROOT = emulator.apiRoot;
  demo = (await startTelegramDemo(db(), emulator, () => undefined, { storeHash: store.bigcommerceHash }))!;
  server = await startRouteServer({ "/api/webhooks/telegram": webhookRoute });
  const settings = await loadTelegramSettings(db(), store.id);
  const secret = openTelegramSecret((await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { telegramWebhookSecretSealed: true } })).telegramWebhookSecretSealed)!;
  await registerTelegramWebhook(await storeBot(store.id, settings!.token!), { url: `${server.url}/api/webhooks/telegram`, secret });
});

afterAll(async () => {
  await server.close();
  await demo.emulator.close();
  await bigcommerce.close();
});

describe("demo mode's Telegram", () => {
  it("connects the demo store's bot to the emulator, with staff mirroring on", async () => {
    const store = await db().store.findUniqueOrThrow({ where: { id: demo.storeId }, select: { telegramBotTokenEncrypted: true, telegramStaffChatId: true } });
    expect(store.telegramBotTokenEncrypted).not.toBeNull();
    expect(store.telegramStaffChatId).not.toBeNull();
  });

  it("has simulated customers write in until their tickets appear", async () => {
    const traffic = startSimulatedCustomers({ db: db(), storeId: demo.storeId, bot: demo.bot, log: () => undefined, intervalMs: 150 });
    const sendOutbox = outboxDrainer(demo.storeId);
    try {
      await expect
        .poll(
          async () => {
            await demo.bot.flush();
            await drainInbound(demo.storeId);
            await sendOutbox({ stepMs: 3_100 });
            return db().ticket.count({ where: { storeId: demo.storeId, source: "TELEGRAM" } });
          },
          { timeout: 30_000, interval: 50 },
        )
        .toBeGreaterThan(0);
    } finally {
      await traffic.stop();
    }
  });
});
