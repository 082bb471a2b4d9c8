import { Telegraf } from "telegraf";
import { createBigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { registerStoreWebhooks } from "@/lib/bigcommerce/webhooks/register-store-webhooks.ts";
import { DEMO_STORE_HASH } from "@/lib/demo/seed-demo.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startTelegramEmulator, type EmulatorBot, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { registerTelegramWebhook } from "@/lib/telegram/connect-store-bot.ts";
import { E2E_WORLD } from "./e2e-world.ts";
import { e2eEmulatorUrls } from "./emulator-ports.ts";

export type E2eWorld = {
  bigcommerce: BigcommerceEmulator;
  telegram: TelegramEmulator;
  /** The demo store as BigCommerce sees it: orders, shipments, customers. */
  shop: EmulatedStore;
  /** The store's bot: `bot.customer(chatId)` is a simulated Telegram customer. */
  bot: EmulatorBot;
  close: () => Promise<void>;
};

/**
 * Starts both emulators where Tern expects them (e2e/start-server.ts gave Tern their URLs and the
 * demo store their credentials) and points them back at Tern with Tern's own code: the store's
 * webhooks registered through Tern's BigCommerce client, the bot's webhook through Tern's
 * Telegram helper. From then on everything crosses real HTTP in both directions.
 */
export async function startE2eWorld(baseURL: string, options: { bigcommerceRateLimit?: { quota: number; windowMs: number } } = {}): Promise<E2eWorld> {
  const urls = e2eEmulatorUrls(Number(new URL(baseURL).port));
  const bigcommerce = await startBigcommerceEmulator({
    port: Number(new URL(urls.bigcommerce).port),
    rateLimit: options.bigcommerceRateLimit,
    // Every spec starts a new emulator against the same e2e database: order numbers from a clock,
    // so one spec's orders never take the number (and the ticket) of an earlier spec's.
    startOrderId: (Math.floor(Date.now() / 1000) % 1_000_000) * 1000,
  });
  const telegram = await startTelegramEmulator({ port: Number(new URL(urls.telegram).port) });

  const shop = bigcommerce.store(DEMO_STORE_HASH);
  shop.accessToken = E2E_WORLD.bigcommerceToken;
  const client = createBigcommerceClient({ apiUrl: bigcommerce.url, storeHash: shop.hash, accessToken: shop.accessToken });
  await registerStoreWebhooks(client, { destination: `${baseURL}/api/webhooks/bigcommerce`, webhookSecret: E2E_WORLD.bigcommerceWebhookSecret });

  const bot = telegram.createBot({ token: E2E_WORLD.telegramToken, username: "tern_e2e_bot", firstName: "Tern Demo Store" });
  await registerTelegramWebhook(new Telegraf(bot.token, { telegram: { apiRoot: telegram.apiRoot } }), {
    url: `${baseURL}/api/webhooks/telegram`,
    secret: E2E_WORLD.telegramWebhookSecret,
  });

  return {
    bigcommerce,
    telegram,
    shop,
    bot,
    close: async () => {
      await bigcommerce.flushWebhooks().catch(() => undefined);
      await Promise.all([bigcommerce.close(), telegram.close()]);
    },
  };
}
