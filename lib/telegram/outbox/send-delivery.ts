import type { Telegraf } from "telegraf";
import type { Db } from "@/lib/db/client.ts";
import { parseDeliveryPayload } from "../delivery-payload.ts";
import type { ClaimedDelivery } from "./claim-deliveries.ts";
import { classifySendError, type SendFailure } from "./classify-send-error.ts";
import { ensureTicketTopic } from "./ensure-ticket-topic.ts";

export type SendOutcome = { kind: "sent"; telegramMessageId: number } | { kind: "skipped"; reason: string } | SendFailure;

// Telegraf waits 500 s for an answer. A call still hanging when the claim's 120 s lease ends would
// be sent again by the next sender, and would stall the batch (every chat's replies) meanwhile:
// give up well before, and retry like any other network failure.
const SEND_TIMEOUT_MS = 30_000;

type CallOptions = NonNullable<Parameters<Telegraf["telegram"]["callApi"]>[2]>;
// Telegraf types its signal with the abort-controller package's shim; Node's AbortSignal is what node-fetch checks at run time.
const deadline = (): CallOptions => ({ signal: AbortSignal.timeout(SEND_TIMEOUT_MS) as unknown as CallOptions["signal"] });

function isBadRequest(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "code" in error && (error as { code: unknown }).code === 400);
}

/** One Bot API call for one claimed delivery, turned into an outcome; never throws. */
export async function sendDelivery(db: Db, bot: Telegraf, delivery: ClaimedDelivery): Promise<SendOutcome & { ticketId?: string }> {
  const payload = parseDeliveryPayload(delivery.payload);
  if (!payload) return { kind: "failed", error: "Unreadable delivery payload" };
  const chatId = delivery.chatId;
  try {
    switch (payload.type) {
      case "text": {
        const sent = await bot.telegram.callApi(
          "sendMessage",
          {
            chat_id: chatId,
            text: payload.text,
            ...(payload.replyMarkup ? { reply_markup: payload.replyMarkup } : {}),
            ...(payload.threadId !== undefined ? { message_thread_id: payload.threadId } : {}),
          },
          deadline(),
        );
        return { kind: "sent", telegramMessageId: sent.message_id };
      }
      case "photo": {
        const markup = payload.replyMarkup ? { reply_markup: payload.replyMarkup } : {};
        try {
          const sent = await bot.telegram.callApi("sendPhoto", { chat_id: chatId, photo: payload.photoUrl, caption: payload.caption, ...markup }, deadline());
          return { kind: "sent", telegramMessageId: sent.message_id };
        } catch (error) {
          // Telegram could not fetch the picture (a 400): the words and buttons matter more than the image.
          if (!isBadRequest(error)) throw error;
          const sent = await bot.telegram.callApi("sendMessage", { chat_id: chatId, text: payload.caption, ...markup }, deadline());
          return { kind: "sent", telegramMessageId: sent.message_id };
        }
      }
      case "copy": {
        const copied = await bot.telegram.callApi("copyMessage", { chat_id: chatId, from_chat_id: payload.fromChatId, message_id: payload.messageId }, deadline());
        return { kind: "sent", telegramMessageId: copied.message_id };
      }
      case "topicText":
      case "topicCopy": {
        const threadId = await ensureTicketTopic(db, bot, { storeId: delivery.storeId, ticketId: payload.ticketId, staffChatId: chatId });
        if (threadId === null) return { kind: "skipped", reason: "The ticket no longer exists" };
        const sent =
          payload.type === "topicText"
            ? await bot.telegram.callApi("sendMessage", { chat_id: chatId, text: payload.text, message_thread_id: threadId }, deadline())
            : await bot.telegram.callApi("copyMessage", { chat_id: chatId, from_chat_id: payload.fromChatId, message_id: payload.messageId, message_thread_id: threadId }, deadline());
        return { kind: "sent", telegramMessageId: sent.message_id };
      }
    }
  } catch (error) {
    const failure = classifySendError(error, delivery.attempts);
    return "ticketId" in payload ? { ...failure, ticketId: payload.ticketId } : failure;
  }
}
