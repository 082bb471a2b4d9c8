import { createHash } from "node:crypto";
import { Telegraf } from "telegraf";
import { registerUpdateHandlers } from "./register-update-handlers.ts";
import { telegramApiRoot } from "./telegram-config.ts";
import { processShared } from "@/lib/config/process-registry.ts";

type BotEntry = { bot: Promise<Telegraf> };

// One Telegraf per store, token and API root, for the whole process (the server and Next's route
// bundle each keep their own, which is harmless: a bot holds no connection).
const holder = processShared<{ ternTelegramBots?: Map<string, BotEntry> }>("telegram/store-bots", () => ({}));

function cache(): Map<string, BotEntry> {
  holder.ternTelegramBots ??= new Map();
  return holder.ternTelegramBots;
}

function keyFor(storeId: string, token: string, apiRoot: string): string {
  return `${storeId}|${apiRoot}|${createHash("sha256").update(token).digest("hex")}`;
}

async function createBot(token: string, apiRoot: string): Promise<Telegraf> {
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  // Telegraf's default handler logs the update and sets process.exitCode. Tern's callers (the
  // inbound worker) record the failure and retry, so hand the error back to them instead.
  bot.catch((error) => {
    throw error;
  });
  registerUpdateHandlers(bot);
  // Set up front: otherwise the first handleUpdate calls getMe itself, mid-update.
  bot.botInfo = await bot.telegram.getMe();
  return bot;
}

/** The store's bot, ready to handle updates and call the Bot API. A failed getMe is not cached. */
export function storeBot(storeId: string, token: string): Promise<Telegraf> {
  const apiRoot = telegramApiRoot();
  const key = keyFor(storeId, token, apiRoot);
  const entries = cache();
  const existing = entries.get(key);
  if (existing) return existing.bot;
  const bot = createBot(token, apiRoot);
  entries.set(key, { bot });
  bot.catch(() => {
    if (entries.get(key)?.bot === bot) entries.delete(key);
  });
  return bot;
}

/** Tests that restart "the server" start from a cold cache. */
export function forgetStoreBots(): void {
  cache().clear();
}
