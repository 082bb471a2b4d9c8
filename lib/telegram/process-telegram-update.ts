import type { Update } from "telegraf/types";
import { db } from "@/lib/db/client.ts";
import type { InboundEventForProcessing } from "@/lib/inbound/inbound-event-types.ts";
import { PermanentEventError } from "@/lib/inbound/inbound-event-types.ts";
import { inChatOrder } from "./chat-order.ts";
import { loadTelegramSettings } from "./load-telegram-settings.ts";
import { storeBot } from "./store-bot.ts";
import { attachSettings } from "./update-settings.ts";

function asUpdate(payload: unknown): Update {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) throw new PermanentEventError("Telegram update is not a JSON object");
  const updateId = (payload as { update_id?: unknown }).update_id;
  if (typeof updateId !== "number" || !Number.isInteger(updateId)) throw new PermanentEventError("Telegram update has no integer update_id");
  return payload as Update;
}

/** The chat an update belongs to, read without Telegraf (the order key must be known before any await). */
export function updateChatId(update: Update): string | null {
  const raw = update as unknown as Record<string, { chat?: { id?: unknown }; message?: { chat?: { id?: unknown } }; from?: { id?: unknown } } | undefined>;
  for (const key of ["message", "edited_message", "my_chat_member", "channel_post", "edited_channel_post", "chat_member"]) {
    const id = raw[key]?.chat?.id;
    if (typeof id === "number") return String(id);
  }
  const callback = raw.callback_query;
  const id = callback?.message?.chat?.id ?? callback?.from?.id;
  return typeof id === "number" ? String(id) : null;
}

/**
 * Processes one stored Telegram update (the inbound worker calls this). Contract: resolve when
 * done, throw to be retried, throw PermanentEventError when retrying can never help. The update
 * runs through the store's Telegraf bot (lib/telegram/register-update-handlers.ts).
 */
export async function processTelegramUpdate(event: InboundEventForProcessing): Promise<void> {
  const storeId = event.storeId;
  if (!storeId) throw new PermanentEventError("Telegram update without a store");
  const update = asUpdate(event.payload);
  // Taken before the first await: the worker starts a batch's events in order, so this keeps a chat's order.
  return inChatOrder(`${storeId}:${updateChatId(update) ?? `update:${update.update_id}`}`, async () => {
    const settings = await loadTelegramSettings(db(), storeId);
    if (!settings) throw new PermanentEventError("The store is gone or uninstalled");
    if (!settings.token) throw new PermanentEventError("The store has no Telegram bot connected");
    const bot = await storeBot(storeId, settings.token);
    attachSettings(update, settings);
    await bot.handleUpdate(update);
  });
}
