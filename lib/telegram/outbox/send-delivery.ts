import type { Telegraf } from "telegraf";
import type { Db } from "@/lib/db/client.ts";
import { parseDeliveryPayload } from "../delivery-payload.ts";
import type { ClaimedDelivery } from "./claim-deliveries.ts";
import { classifySendError, type SendFailure } from "./classify-send-error.ts";
import { ensureTicketTopic } from "./ensure-ticket-topic.ts";

export type SendOutcome = { kind: "sent"; telegramMessageId: number } | { kind: "skipped"; reason: string } | SendFailure;

/** One Bot API call for one claimed delivery, turned into an outcome; never throws. */
export async function sendDelivery(db: Db, bot: Telegraf, delivery: ClaimedDelivery): Promise<SendOutcome & { ticketId?: string }> {
  const payload = parseDeliveryPayload(delivery.payload);
  if (!payload) return { kind: "failed", error: "Unreadable delivery payload" };
  const chatId = delivery.chatId;
  try {
    switch (payload.type) {
      case "text": {
        const sent = await bot.telegram.sendMessage(chatId, payload.text, {
          ...(payload.replyMarkup ? { reply_markup: payload.replyMarkup } : {}),
          ...(payload.threadId !== undefined ? { message_thread_id: payload.threadId } : {}),
        });
        return { kind: "sent", telegramMessageId: sent.message_id };
      }
      case "copy": {
        const copied = await bot.telegram.copyMessage(chatId, payload.fromChatId, payload.messageId);
        return { kind: "sent", telegramMessageId: copied.message_id };
      }
      case "topicText":
      case "topicCopy": {
        const threadId = await ensureTicketTopic(db, bot, { storeId: delivery.storeId, ticketId: payload.ticketId, staffChatId: chatId });
        if (threadId === null) return { kind: "skipped", reason: "The ticket no longer exists" };
        const sent =
          payload.type === "topicText"
            ? await bot.telegram.sendMessage(chatId, payload.text, { message_thread_id: threadId })
            : await bot.telegram.copyMessage(chatId, payload.fromChatId, payload.messageId, { message_thread_id: threadId });
        return { kind: "sent", telegramMessageId: sent.message_id };
      }
    }
  } catch (error) {
    const failure = classifySendError(error, delivery.attempts);
    return "ticketId" in payload ? { ...failure, ticketId: payload.ticketId } : failure;
  }
}
