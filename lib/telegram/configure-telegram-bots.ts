import { openTelegramSecret } from "@/lib/crypto/webhook-secrets.ts";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import type { Env } from "@/lib/config/env.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { DEMO_STORE_HASH } from "@/lib/demo/seed-demo.ts";
import { connectStoreBot, registerTelegramWebhook } from "./connect-store-bot.ts";
import { startTelegramPolling, type TelegramPoller } from "./poll-telegram-updates.ts";
import { storeBot } from "./store-bot.ts";
import { telegramWebhookUrl } from "./telegram-bot-status.ts";

/**
 * TELEGRAM_BOT_TOKEN / TELEGRAM_WEBHOOK_SECRET configure the default store's bot (the demo store
 * in demo mode, else the first store installed). Written to the store like a bot connected from
 * the admin pages, so everything else reads one place. Returns the store id, or null when there
 * is no token or no store yet.
 */
export async function applyEnvBot(db: Db, env: Env): Promise<string | null> {
  const token = env.TELEGRAM_BOT_TOKEN;
  if (!token) return null;
  const store = await db.store.findFirst({
    where: env.demo ? { bigcommerceHash: DEMO_STORE_HASH } : { status: "ACTIVE" },
    orderBy: { installedAt: "asc" },
    select: { id: true, telegramBotTokenEncrypted: true, telegramWebhookSecretSealed: true },
  });
  if (!store) return null;
  let current: string | null = null;
  try {
    current = store.telegramBotTokenEncrypted ? openSecret(store.telegramBotTokenEncrypted) : null;
  } catch {
    current = null;
  }
  let stored: string | null = null;
  try {
    stored = openTelegramSecret(store.telegramWebhookSecretSealed);
  } catch {
    // Sealed under another key (TERN_ENCRYPTION_KEY changed): connecting again replaces it.
    stored = null;
  }
  const secret = env.TELEGRAM_WEBHOOK_SECRET ?? stored ?? undefined;
  if (current !== token || secret !== stored) await connectStoreBot(db, { storeId: store.id, token, webhookSecret: secret });
  return store.id;
}

export type BotConnections = { stop: () => Promise<void> };

/**
 * Starts receiving updates for every store with a bot: in webhook mode registers Tern's webhook
 * with the store's secret (Telegram wants a public HTTPS URL; the emulator takes any), in polling
 * mode starts one getUpdates loop per bot. Failures are logged, never thrown: a bot that cannot be
 * reached now must not keep Tern from starting.
 */
export async function connectTelegramBots(db: Db, env: Env, log: (line: string) => void): Promise<BotConnections> {
  const stores = await db.store.findMany({
    where: { telegramBotTokenEncrypted: { not: null }, status: { not: "UNINSTALLED" } },
    select: { id: true, telegramBotTokenEncrypted: true, telegramWebhookSecretSealed: true },
  });
  const pollers: TelegramPoller[] = [];
  // The same URL the admin pages register (NEXTAUTH_URL, else localhost:PORT).
  const url = telegramWebhookUrl(publicUrl());
  for (const store of stores) {
    try {
      const token = openSecret(store.telegramBotTokenEncrypted!);
      if (env.TELEGRAM_MODE === "polling") {
        pollers.push(startTelegramPolling(db, { storeId: store.id, token, log }));
        continue;
      }
      // Inside the try: a secret sealed under another key is logged for this store, not a failed start.
      const secret = openTelegramSecret(store.telegramWebhookSecretSealed);
      if (!secret) {
        log(`telegram: store ${store.id} has a bot but no webhook secret; reconnect the bot`);
        continue;
      }
      const bot = await storeBot(store.id, token);
      await registerTelegramWebhook(bot, { url, secret });
      log(`telegram: webhook for @${bot.botInfo?.username ?? "bot"} → ${url}`);
    } catch (error) {
      const hint = env.TELEGRAM_MODE === "webhook" ? " (Telegram needs a public HTTPS NEXTAUTH_URL for webhooks; on a laptop use TELEGRAM_MODE=polling)" : "";
      log(`telegram: could not connect the bot of store ${store.id}: ${error instanceof Error ? error.message : String(error)}${hint}`);
    }
  }
  if (pollers.length) log(`telegram: polling ${pollers.length} bot(s)`);
  return { stop: async () => void (await Promise.all(pollers.map((poller) => poller.stop()))) };
}
