import type { Message } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { customerMessageMove } from "@/lib/bigcommerce/events/order-event-moves.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { customerWroteUpdate } from "@/lib/tickets/customer-wrote.ts";
import { requireOpenTicketInTx } from "@/lib/tickets/require-open-ticket.ts";
import { messageDtoSelect, ticketDtoSelect, toMessageDto, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/tickets/transition-ticket.ts";
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
  now: Date;
};

/** Telegram message ids are unique per chat: chat:message is the message's id across Tern. */
export function telegramExternalId(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/**
 * Adds a customer's Telegram message to a ticket's thread: text or caption as the body, files,
 * location and contact as attachments. A message already stored (a redelivered update) adds
 * nothing and returns null. A resolved ticket reopens, one waiting on the customer resumes, a
 * snooze ends, and with mirroring on, the message is copied into the ticket's staff topic.
 */
export async function appendCustomerMessageInTx(tx: Tx, input: AppendInput): Promise<TicketChange | null> {
  const { storeId, ticketId, message, now } = input;
  const externalId = telegramExternalId(message.chat.id, message.message_id);
  const existing = await tx.message.findUnique({
    where: { storeId_channel_externalId: { storeId, channel: "TELEGRAM", externalId } },
    select: { id: true },
  });
  if (existing) return null;

  const ticket = await requireOpenTicketInTx(tx, storeId, ticketId);
  const content = messageContent(message);
  const edited = "edit_date" in message && typeof message.edit_date === "number";
  const row = await tx.message.create({
    data: {
      storeId,
      ticketId,
      kind: "INBOUND",
      channel: "TELEGRAM",
      body: content.body,
      attachments: content.attachments as unknown as Prisma.InputJsonArray,
      externalId,
      createdAt: now,
      // An edit that arrived before (or instead of) its original is stored as the edited text.
      ...(edited ? { editedAt: new Date(message.edit_date! * 1000) } : {}),
    },
    select: messageDtoSelect,
  });
  const messages = [toMessageDto(row)];

  // The first chat to write in a ticket is the one its replies go to (lib/tickets/conversation-chat.ts).
  await tx.ticket.updateMany({ where: { id: ticketId, storeId, channelIdentityId: null }, data: { channelIdentityId: input.chatIdentityId } });
  const updated = await tx.ticket.update({ where: { id: ticketId, storeId }, data: customerWroteUpdate(now, "TELEGRAM"), select: ticketDtoSelect });
  let ticketDto = toTicketDto(updated);
  // The SPEC's customer.message.received move, shared with BigCommerce order messages.
  const next = customerMessageMove(ticket.status, updated.assignee !== null);
  if (next) {
    const moved = await transitionTicketInTx(tx, {
      storeId,
      ticketId,
      to: next,
      actorId: null,
      reason: ticket.status === "RESOLVED" ? "The customer wrote again on Telegram" : "The customer wrote on Telegram",
      now,
    });
    messages.push(...moved.messages);
    ticketDto = moved.ticket;
  }

  if (input.staffChatId) {
    await enqueueDeliveriesInTx(tx, storeId, [
      { chatId: input.staffChatId, payload: { type: "topicCopy", ticketId, fromChatId: String(message.chat.id), messageId: message.message_id } },
    ]);
  }
  return { ticket: ticketDto, messages };
}
