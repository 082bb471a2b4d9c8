import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { messageDtoSelect, ticketDtoSelect, toMessageDto, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { customerWroteUpdate } from "./customer-wrote.ts";
import { customerMessageMove } from "./event-moves.ts";
import { transitionTicketInTx } from "./transition-ticket.ts";
import { makeWorkInTx } from "./work.ts";

export type CustomerMessage = {
  storeId: string;
  ticketId: string;
  channel: "TELEGRAM" | "BIGCOMMERCE";
  /** The message's id on its channel: it is stored once per store and channel. */
  externalId: string;
  body: string;
  attachments?: Prisma.InputJsonArray;
  /** Set when the message arrives already edited (an edit delivered before, or instead of, the original). */
  editedAt?: Date;
  /** The chat that wrote: a ticket no chat has written in yet becomes this chat's conversation (conversation-chat.ts). */
  chatIdentityId?: string;
  /** Why the ticket moved, for the status entry ("The customer wrote on Telegram"). */
  reason: (from: TicketStatus) => string;
  /**
   * Leave a watched ticket watched: the bot answers this message itself first (a knowledge-base
   * answer, lib/telegram/kb-answer) and holds the conversation for a bounded time; the caller
   * makes it work when that ends. Any later message makes it work as usual.
   */
  keepWatched?: boolean;
  now: Date;
};

const WORK_REASON: Record<CustomerMessage["channel"], string> = {
  TELEGRAM: "the customer wrote on Telegram",
  BIGCOMMERCE: "the customer wrote on the order",
};

/** The change, and the status the ticket had before the message. */
export type RecordedCustomerMessage = TicketChange & { from: TicketStatus };

/**
 * What a customer's message does to a ticket, whatever the channel: it joins the thread once (a
 * redelivery adds nothing and returns null), the thread's last activity and the customer's channel
 * move, a snooze ends, and the ticket makes the SPEC's customer.message.received move (a resolved
 * ticket reopens; one waiting on the customer goes back to its agent or the queue). The caller
 * holds the ticket's lock and records the change's events.
 */
export async function recordCustomerMessageInTx(tx: Tx, input: CustomerMessage): Promise<RecordedCustomerMessage | null> {
  const { storeId, ticketId, channel, externalId, now } = input;
  const { count } = await tx.message.createMany({
    data: [
      {
        storeId,
        ticketId,
        kind: "INBOUND",
        channel,
        body: input.body,
        externalId,
        createdAt: now,
        ...(input.attachments ? { attachments: input.attachments } : {}),
        ...(input.editedAt ? { editedAt: input.editedAt } : {}),
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  const row = await tx.message.findUniqueOrThrow({ where: { storeId_channel_externalId: { storeId, channel, externalId } }, select: messageDtoSelect });
  const messages = [toMessageDto(row)];

  if (input.chatIdentityId) {
    await tx.ticket.updateMany({ where: { id: ticketId, storeId, channelIdentityId: null }, data: { channelIdentityId: input.chatIdentityId } });
  }
  const updated = await tx.ticket.update({ where: { id: ticketId, storeId }, data: customerWroteUpdate(now, channel), select: ticketDtoSelect });
  const from = updated.status;
  const next = customerMessageMove(from, updated.assignee !== null);
  let ticket = toTicketDto(updated);
  if (next && next !== from) {
    const moved = await transitionTicketInTx(tx, { storeId, ticketId, to: next, actorId: null, reason: input.reason(from), now });
    ticket = moved.ticket;
    messages.push(...moved.messages);
  }
  // A customer who writes needs a person: a watched order ticket becomes work (work.ts).
  const work = updated.workSince === null && !input.keepWatched ? await makeWorkInTx(tx, { storeId, ticketId, reason: WORK_REASON[channel], actorId: null, now }) : null;
  if (work) {
    ticket = work.ticket;
    messages.push(...work.messages);
  }
  return { ticket, messages, from };
}
