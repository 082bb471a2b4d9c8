import type { Telegraf } from "telegraf";
import type { Db } from "@/lib/db/client.ts";
import { isRawUpdate, recordTelegramUpdate, type RawUpdate } from "./record-telegram-update.ts";
import { storeBot } from "./store-bot.ts";
import { botIdFromToken } from "./telegram-config.ts";

// Telegraf types its signal with the abort-controller polyfill; node-fetch accepts the native one.
type TelegrafSignal = NonNullable<Parameters<Telegraf["telegram"]["callApi"]>[2]>["signal"];

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export type TelegramPoller = { stop: () => Promise<void> };

/**
 * Polling mode (TELEGRAM_MODE=polling, for a laptop without a public HTTPS URL): a getUpdates
 * long-poll loop feeding the same durable inbound queue as the webhook. The offset moves past an
 * update only after it is stored, so a crash re-reads it and the dedupe key absorbs the repeat.
 * One poller per bot: Telegram answers 409 to a second one (or while a webhook is set).
 */
export function startTelegramPolling(db: Db, input: { storeId: string; token: string; log: (line: string) => void; timeoutSeconds?: number; idleMs?: number }): TelegramPoller {
  const stopping = new AbortController();
  const botId = botIdFromToken(input.token);
  const loop = (async () => {
    let offset = 0;
    let failures = 0;
    let webhookCleared = false;
    while (!stopping.signal.aborted) {
      try {
        const bot = await storeBot(input.storeId, input.token);
        if (!webhookCleared) {
          await bot.telegram.deleteWebhook({ drop_pending_updates: false });
          webhookCleared = true;
        }
        const updates = (await bot.telegram.callApi(
          "getUpdates",
          { offset, limit: 100, timeout: input.timeoutSeconds ?? 25, allowed_updates: [...ALLOWED_UPDATES] },
          { signal: stopping.signal as unknown as TelegrafSignal },
        )) as unknown[];
        for (const update of updates) {
          if (!isRawUpdate(update)) continue;
          await recordTelegramUpdate(db, { storeId: input.storeId, botId, update: update as RawUpdate });
          offset = Math.max(offset, update.update_id + 1);
        }
        failures = 0;
        // Telegram holds an empty poll open for `timeout`; a server that answers at once (an
        // emulator) must not be hammered.
        if (!updates.length) await new Promise((resolve) => setTimeout(resolve, input.idleMs ?? 200));
      } catch (error) {
        if (stopping.signal.aborted) break;
        failures += 1;
        input.log(`telegram polling: ${error instanceof Error ? error.message : String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** failures)));
      }
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
