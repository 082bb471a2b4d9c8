import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import { enqueueDeliveriesInTx } from "./enqueue-delivery.ts";
import type { TelegramEffects } from "./telegram-effects.ts";

/** Queues a bot message to a chat outside any ticket thread (intake prompts, /status answers). */
export async function sayInChatInTx(tx: Tx, effects: TelegramEffects, storeId: string, chatId: string, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<void> {
  effects.queued = true;
  await enqueueDeliveriesInTx(tx, storeId, [{ chatId, payload: { type: "text", text, ...(replyMarkup ? { replyMarkup } : {}) } }]);
}
