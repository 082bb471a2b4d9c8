import { Telegram } from "telegraf";
import type { Db } from "@/lib/db/client.ts";
import { loadTelegramSettings } from "./load-telegram-settings.ts";
import { telegramApiRoot } from "./telegram-config.ts";

export type TelegramMode = "webhook" | "polling";

export type TelegramBotStatus = {
  connected: boolean;
  mode: TelegramMode;
  bot: { id: number; username: string | null; name: string } | null;
  staffChatId: string | null;
  /** Telegram's view of the webhook (getWebhookInfo); null in polling mode or when unreachable. */
  webhook: { url: string; expectedUrl: string; pendingUpdateCount: number; lastErrorMessage: string | null; lastErrorAt: string | null } | null;
  /** Why Telegram could not be asked (a revoked token, Telegram unreachable). */
  error: string | null;
};

export function telegramMode(): TelegramMode {
  return process.env.TELEGRAM_MODE?.trim() === "polling" ? "polling" : "webhook";
}

export function telegramWebhookUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/webhooks/telegram`;
}

export function telegramClient(token: string): Telegram {
  return new Telegram(token, { apiRoot: telegramApiRoot() });
}

/** The store's bot as Telegram sees it now: who it is and whether updates reach Tern. Never the token. */
export async function getTelegramBotStatus(db: Db, input: { storeId: string; publicUrl: string }): Promise<TelegramBotStatus> {
  const settings = await loadTelegramSettings(db, input.storeId);
  const mode = telegramMode();
  const base = { mode, staffChatId: settings?.staffChatId ?? null };
  if (!settings?.token) return { ...base, connected: false, bot: null, webhook: null, error: null };
  const telegram = telegramClient(settings.token);
  try {
    const me = await telegram.getMe();
    const bot = { id: me.id, username: me.username ?? null, name: me.first_name };
    if (mode === "polling") return { ...base, connected: true, bot, webhook: null, error: null };
    const info = await telegram.getWebhookInfo();
    return {
      ...base,
      connected: true,
      bot,
      webhook: {
        url: info.url ?? "",
        expectedUrl: telegramWebhookUrl(input.publicUrl),
        pendingUpdateCount: info.pending_update_count,
        lastErrorMessage: info.last_error_message ?? null,
        lastErrorAt: info.last_error_date ? new Date(info.last_error_date * 1000).toISOString() : null,
      },
      error: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : "unknown error";
    return { ...base, connected: true, bot: null, webhook: null, error: `Telegram did not answer for this bot: ${message.replace(settings.token, "…")}` };
  }
}
