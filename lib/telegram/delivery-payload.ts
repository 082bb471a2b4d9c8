import type { InlineKeyboardMarkup } from "telegraf/types";

/**
 * What one TelegramDelivery row asks the sender to do. "topic*" payloads target the ticket's
 * forum topic in the staff chat, created on first use, so the row names the ticket, not the thread.
 */
export type DeliveryPayload =
  | { type: "text"; text: string; replyMarkup?: InlineKeyboardMarkup; threadId?: number }
  /** A picture by URL (Telegram fetches it) with a caption; sent as text when Telegram cannot fetch it. */
  | { type: "photo"; photoUrl: string; caption: string; replyMarkup?: InlineKeyboardMarkup }
  | { type: "copy"; fromChatId: string; messageId: number }
  | { type: "topicText"; ticketId: string; text: string }
  | { type: "topicCopy"; ticketId: string; fromChatId: string; messageId: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/** Rows are written only by Tern, but the column is JSON: anything else is reported, not trusted. */
export function parseDeliveryPayload(value: unknown): DeliveryPayload | null {
  if (!isRecord(value)) return null;
  const { type } = value;
  const str = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : undefined);
  const int = (key: string) => (typeof value[key] === "number" && Number.isInteger(value[key]) ? (value[key] as number) : undefined);
  if (type === "text") {
    const text = str("text");
    if (!text) return null;
    const threadId = int("threadId");
    return {
      type,
      text,
      ...(isRecord(value.replyMarkup) ? { replyMarkup: value.replyMarkup as unknown as InlineKeyboardMarkup } : {}),
      ...(threadId !== undefined ? { threadId } : {}),
    };
  }
  if (type === "photo") {
    const photoUrl = str("photoUrl");
    const caption = str("caption");
    if (!photoUrl || !/^https?:\/\//.test(photoUrl) || !caption) return null;
    return { type, photoUrl, caption, ...(isRecord(value.replyMarkup) ? { replyMarkup: value.replyMarkup as unknown as InlineKeyboardMarkup } : {}) };
  }
  if (type === "copy" || type === "topicCopy") {
    const fromChatId = str("fromChatId");
    const messageId = int("messageId");
    if (!fromChatId || messageId === undefined) return null;
    if (type === "copy") return { type, fromChatId, messageId };
    const ticketId = str("ticketId");
    return ticketId ? { type, ticketId, fromChatId, messageId } : null;
  }
  if (type === "topicText") {
    const ticketId = str("ticketId");
    const text = str("text");
    return ticketId && text ? { type, ticketId, text } : null;
  }
  return null;
}
