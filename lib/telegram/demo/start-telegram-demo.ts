import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { DEMO_STORE_HASH } from "@/lib/demo/seed-demo.ts";
import type { EmulatorBot, TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { connectStoreBot } from "../connect-store-bot.ts";

/** The demo store's staff forum: tickets are mirrored into its topics, as a store with mirroring on would. */
export const DEMO_STAFF_CHAT_ID = -1_009_000_000_001;

export type TelegramDemo = { emulator: TelegramEmulator; bot: EmulatorBot; storeId: string };

/**
 * Demo mode's Telegram: the demo store's bot on the Bot API emulator that start-up started (the
 * runtime configuration's Telegram API root points at it; the token is kept across restarts, so
 * the store's customers stay reachable), and the chats Tern already knows recreated. Null when the
 * demo store is missing.
 */
export async function startTelegramDemo(db: Db, emulator: TelegramEmulator, log: (line: string) => void, options: { storeHash?: string } = {}): Promise<TelegramDemo | null> {
  const store = await db.store.findUnique({
    where: { bigcommerceHash: options.storeHash ?? DEMO_STORE_HASH },
    select: { id: true, name: true, telegramBotTokenEncrypted: true, telegramStaffChatId: true },
  });
  if (!store) return null;
  let token: string | undefined;
  try {
    token = store.telegramBotTokenEncrypted ? openSecret(store.telegramBotTokenEncrypted) : undefined;
  } catch {
    token = undefined;
  }
  const bot = emulator.createBot({ username: "tern_demo_bot", firstName: store.name, ...(token ? { token } : {}) });
  if (!token) await connectStoreBot(db, { storeId: store.id, token: bot.token, staffChatId: store.telegramStaffChatId ?? BigInt(DEMO_STAFF_CHAT_ID) });
  bot.staffGroup(Number(store.telegramStaffChatId ?? DEMO_STAFF_CHAT_ID), { title: `${store.name} — support staff` });
  const chats = await db.channelIdentity.findMany({ where: { storeId: store.id, channel: "TELEGRAM" }, select: { externalId: true, displayName: true } });
  for (const chat of chats) bot.customer(Number(chat.externalId), { firstName: chat.displayName ?? "Customer" });
  log(`telegram: demo Bot API emulator at ${emulator.apiRoot} (@${bot.username})`);
  return { emulator, bot, storeId: store.id };
}
