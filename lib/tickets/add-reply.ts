import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Channel } from "@/lib/generated/prisma/enums.ts";
import { findNewerRepliesInTx } from "./find-newer-replies.ts";
import { replyAuthors } from "./reply-authors.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { conversationChatInTx } from "./conversation-chat.ts";
import { requireOpenTicketInTx } from "./require-open-ticket.ts";
import { isQueued } from "@/lib/ticket-lifecycle/status-machine.ts";
import { messageDtoSelect, ticketDtoSelect, toMessageDto, toTicketDto, type MessageDto } from "./ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";

export type AddReplyInput = {
  storeId: string;
  ticketId: string;
  body: string;
  /** The agent replying; null for automatic replies (templates sent on events), which move no status. */
  actorId: string | null;
  /**
   * The last thread entry the agent saw (null: an empty thread). When given, a reply another
   * person sent after it refuses this one with a 409 that carries those replies, so two agents do
   * not answer the customer twice; absent, the reply is sent as is ("send anyway", older clients).
   */
  lastSeenMessageId?: string | null;
  now?: Date;
};

export type AddReplyResult = TicketChange & { reply: MessageDto };

async function replyChannel(tx: Tx, storeId: string, ticketId: string): Promise<Channel> {
  return (await conversationChatInTx(tx, storeId, ticketId)) ? "TELEGRAM" : "WEB";
}

/**
 * An agent's answer to the customer. Stored QUEUED: the channel sender picks it up after commit
 * and records sent/failed, so a slow Telegram never holds the ticket lock.
 */
export async function addReplyInTx(tx: Tx, input: AddReplyInput): Promise<AddReplyResult> {
  const { storeId, ticketId } = input;
  const ticket = await requireOpenTicketInTx(tx, storeId, ticketId);
  if (input.actorId && input.lastSeenMessageId !== undefined) {
    const newerReplies = await findNewerRepliesInTx(tx, { storeId, ticketId, lastSeenMessageId: input.lastSeenMessageId, actorId: input.actorId });
    if (newerReplies.length > 0) {
      const message = `${replyAuthors(newerReplies)} replied to the customer after the last message you saw: review the reply, or send yours anyway`;
      throw new AppError("CONFLICT", message, { newerReplies });
    }
  }
  // Read after the lock: replies that queued behind each other stamp times in their real order.
  const now = input.now ?? new Date();
  // A person answering a watched ticket has made it work: its clocks start, and this reply stops the first.
  const work = input.actorId ? await makeWorkInTx(tx, { storeId, ticketId, reason: "an agent replied", actorId: input.actorId, now }) : null;
  const row = await tx.message.create({
    data: {
      storeId,
      ticketId,
      kind: "OUTBOUND",
      channel: await replyChannel(tx, storeId, ticketId),
      authorId: input.actorId,
      body: input.body,
      deliveryStatus: "QUEUED",
    },
    select: messageDtoSelect,
  });
  const reply = toMessageDto(row);
  // Only the first reply by a person stops the first-response clock (an automatic shipment
  // message answers nobody's question); the ticket lock makes "first" exact.
  const stopsFirstResponse = input.actorId !== null && !ticket.firstResponseAt;
  const updated = await tx.ticket.update({
    where: { id: ticketId, storeId },
    data: { lastMessageAt: now, ...(stopsFirstResponse ? { firstResponseAt: now } : {}) },
    select: ticketDtoSelect,
  });
  const messages = [...(work?.messages ?? []), reply];
  if (input.actorId && isQueued(ticket.status)) {
    const started = await transitionTicketInTx(tx, {
      storeId,
      ticketId,
      to: "IN_PROGRESS",
      actorId: input.actorId,
      reason: "Agent replied",
      now,
    });
    messages.push(...started.messages);
    return { ticket: started.ticket, messages, reply };
  }
  return { ticket: toTicketDto(updated), messages, reply };
}

export async function addReply(db: Db, input: AddReplyInput): Promise<MessageDto> {
  const result = await commitTicketChange(db, input.storeId, (tx) => addReplyInTx(tx, input));
  return result.reply;
}
