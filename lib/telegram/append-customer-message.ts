import type { Message } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { recordCustomerMessageInTx } from "@/lib/ticket-lifecycle/record-customer-message.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { requireOpenTicketInTx } from "@/lib/tickets/require-open-ticket.ts";
import { enqueueDeliveriesInTx } from "./enqueue-delivery.ts";
import { messageContent } from "./message-content.ts";

export type AppendInput = {
  storeId: string;
  ticketId: string;
  message: Message;
  /** The chat's identity: a ticket no chat has written in yet becomes this chat's conversation. */
  chatIdentityId: string;
  /** The staff forum chat, when the store mirrors tickets into topics. */
  staffChatId: string | null;
  /** The bot answers this message first: a watched ticket stays watched (recordCustomerMessageInTx). */
  keepWatched?: boolean;
  now: Date;
};

/** Telegram message ids are unique per chat: chat:message is the message's id across Tern. */
export function telegramExternalId(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/**
 * Adds a customer's Telegram message to a ticket's thread: text or caption as the body, files,
 * location and contact as attachments. What it does to the ticket is every channel's
 * (recordCustomerMessageInTx); a message already stored (a redelivered update) adds nothing and
 * returns null. With mirroring on, the message is copied into the ticket's staff topic.
 */
export async function appendCustomerMessageInTx(tx: Tx, input: AppendInput): Promise<TicketChange | null> {
  const { storeId, ticketId, message, now } = input;
  const externalId = telegramExternalId(message.chat.id, message.message_id);
  // A redelivered update adds nothing, even to a ticket closed since.
  const stored = await tx.message.findUnique({ where: { storeId_channel_externalId: { storeId, channel: "TELEGRAM", externalId } }, select: { id: true } });
  if (stored) return null;
  await requireOpenTicketInTx(tx, storeId, ticketId);
  const content = messageContent(message);
  const edited = "edit_date" in message && typeof message.edit_date === "number";
  const change = await recordCustomerMessageInTx(tx, {
    storeId,
    ticketId,
    channel: "TELEGRAM",
    externalId,
    body: content.body,
    attachments: content.attachments as unknown as Prisma.InputJsonArray,
    ...(edited ? { editedAt: new Date(message.edit_date! * 1000) } : {}),
    chatIdentityId: input.chatIdentityId,
    ...(input.keepWatched ? { keepWatched: true } : {}),
    reason: (from) => (from === "RESOLVED" ? "The customer wrote again on Telegram" : "The customer wrote on Telegram"),
    now,
  });
  if (!change) return null;

  if (input.staffChatId) {
    await enqueueDeliveriesInTx(tx, storeId, [
      { chatId: input.staffChatId, payload: { type: "topicCopy", ticketId, fromChatId: String(message.chat.id), messageId: message.message_id } },
    ]);
  }
  return { ticket: change.ticket, messages: change.messages };
}
