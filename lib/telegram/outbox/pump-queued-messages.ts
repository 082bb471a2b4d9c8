import type { Db, Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums.ts";
import { conversationChatInTx } from "@/lib/tickets/conversation-chat.ts";
import { recordMessagesUpdatedInTx } from "@/lib/tickets/ticket-change.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { csatKeyboard } from "../bot-replies.ts";
import type { DeliveryPayload } from "../delivery-payload.ts";
import { BLOCKED_REASON } from "../hold-chat-deliveries.ts";
import { kbOfferKeyboard } from "../kb-answer/kb-answer-texts.ts";
import { splitMessageText } from "../split-message-text.ts";

export const NO_BOT_REASON = "No Telegram bot is connected to this store: held until one is";
const NO_CHAT_REASON = "The customer has no verified Telegram chat with the bot";

type QueuedRow = { id: string; storeId: string };

export type PumpedMessage = { storeId: string; message: MessageDto };

type MessageMeta = { type?: unknown; source?: unknown; offerId?: unknown; telegramCopy?: { fromChatId?: unknown; messageId?: unknown } };

function metaOf(value: unknown): MessageMeta {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as MessageMeta) : {};
}

/** The Bot API calls one thread message becomes: a copy of a staff-topic file, or its text in ≤ 4096-character parts. */
function payloadsFor(body: string, meta: MessageMeta, ticketId: string): DeliveryPayload[] {
  const copy = meta.telegramCopy;
  if (copy && typeof copy.fromChatId === "string" && typeof copy.messageId === "number") {
    return [{ type: "copy", fromChatId: copy.fromChatId, messageId: copy.messageId }];
  }
  const parts = splitMessageText(body);
  // The buttons ride on the last part, where the question ends: the rating, or "Did this answer your question?".
  const buttons = meta.type === "csat" ? csatKeyboard(ticketId) : meta.type === "kb-offer" && typeof meta.offerId === "string" ? kbOfferKeyboard(meta.offerId) : null;
  return parts.map((text, index) => (buttons && index === parts.length - 1 ? { type: "text", text, replyMarkup: buttons } : { type: "text", text }));
}

type StoreInfo = { hasBot: boolean; staffChatId: string | null };

async function storeInfo(tx: Tx, cache: Map<string, StoreInfo>, storeId: string): Promise<StoreInfo> {
  let info = cache.get(storeId);
  if (!info) {
    const store = await tx.store.findUnique({ where: { id: storeId }, select: { telegramBotTokenEncrypted: true, telegramStaffChatId: true } });
    info = { hasBot: Boolean(store?.telegramBotTokenEncrypted), staffChatId: store?.telegramStaffChatId?.toString() ?? null };
    cache.set(storeId, info);
  }
  return info;
}

async function setStatus(tx: Tx, id: string, deliveryStatus: DeliveryStatus, deliveryError: string | null): Promise<MessageDto> {
  return toMessageDto(await tx.message.update({ where: { id }, data: { deliveryStatus, deliveryError }, select: messageDtoSelect }));
}

async function pumpOne(tx: Tx, row: QueuedRow, stores: Map<string, StoreInfo>): Promise<MessageDto> {
  const message = await tx.message.findUniqueOrThrow({
    where: { id: row.id },
    select: { id: true, ticketId: true, body: true, meta: true, author: { select: { name: true } }, },
  });
  const store = await storeInfo(tx, stores, row.storeId);
  if (!store.hasBot) return setStatus(tx, row.id, "HELD", NO_BOT_REASON);
  const identity = await conversationChatInTx(tx, row.storeId, message.ticketId);
  if (!identity) return setStatus(tx, row.id, "FAILED", NO_CHAT_REASON);
  if (!message.body.trim()) return setStatus(tx, row.id, "FAILED", "The message is empty");

  const meta = metaOf(message.meta);
  const payloads = payloadsFor(message.body, meta, message.ticketId);
  const held = identity.blockedAt !== null;
  await tx.telegramDelivery.createMany({
    data: payloads.map((payload, part) => ({
      storeId: row.storeId,
      chatId: identity.externalId,
      messageId: row.id,
      part,
      partCount: payloads.length,
      payload: payload as Prisma.InputJsonObject,
      status: held ? ("HELD" as const) : ("QUEUED" as const),
      error: held ? BLOCKED_REASON : null,
    })),
  });
  // Agents working from Telegram see inbox replies in the ticket's topic too (not their own, already there).
  if (store.staffChatId && message.author && meta.source !== "telegram-topic") {
    const text = splitMessageText(`${message.author.name} (inbox): ${message.body}`)[0]!;
    await tx.telegramDelivery.create({
      data: { storeId: row.storeId, chatId: store.staffChatId, payload: { type: "topicText", ticketId: message.ticketId, text } },
      select: { id: true },
    });
  }
  return held ? setStatus(tx, row.id, "HELD", BLOCKED_REASON) : setStatus(tx, row.id, "SENDING", null);
}

/**
 * Moves QUEUED Telegram thread messages (agent replies, templates, bot messages) into the send
 * queue, resolved to the customer's chat and split into parts. The message becomes SENDING, or
 * HELD / FAILED with the reason, each with its message.updated event. SKIP LOCKED lets several
 * instances pump at once. Returns the changed messages.
 */
export async function pumpQueuedMessages(db: Db, options: { limit?: number; storeIds?: string[] } = {}): Promise<PumpedMessage[]> {
  const limit = options.limit ?? 50;
  if (options.storeIds?.length === 0) return [];
  const storeFilter = options.storeIds ? Prisma.sql`AND "storeId" IN (${Prisma.join(options.storeIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.empty;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<QueuedRow[]>`
      SELECT id, "storeId" FROM "Message"
      WHERE "deliveryStatus" = 'QUEUED' AND channel = 'TELEGRAM' AND kind = 'OUTBOUND' ${storeFilter}
      ORDER BY "createdAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    const stores = new Map<string, StoreInfo>();
    const changed: PumpedMessage[] = [];
    for (const row of rows) {
      const message = await pumpOne(tx, row, stores);
      await recordMessagesUpdatedInTx(tx, row.storeId, [message]);
      changed.push({ storeId: row.storeId, message });
    }
    return changed;
  });
}
