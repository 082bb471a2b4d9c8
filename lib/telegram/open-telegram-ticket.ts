import type { Message } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import { createTicketInTx } from "@/lib/tickets/create-ticket.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { addBotMessageInTx } from "./add-bot-message.ts";
import { appendCustomerMessageInTx } from "./append-customer-message.ts";
import { REASON_SUBJECTS, REASON_TAGS, orderStatusText, replies, type OrderStatusView } from "./bot-replies.ts";
import type { IntakeReason } from "./intake-state.ts";
import { describeContent, messageContent } from "./message-content.ts";

export type OpenTicketInput = {
  storeId: string;
  customerId: string;
  /** The chat this conversation belongs to. */
  chatIdentityId: string;
  reason: IntakeReason | undefined;
  orderId: number | null;
  /** The customer's messages so far, oldest first: they become the start of the thread. */
  messages: Message[];
  staffChatId: string | null;
  /** Sent after the confirmation when the customer asked where their order is. */
  orderStatus?: OrderStatusView | null;
  /**
   * The bot answers first (a knowledge-base answer, lib/telegram/kb-answer): the ticket is created
   * watched (no agent, no clock) and stays so, without the "an agent will reply" confirmation; the
   * caller offers the answer. A routing rule that makes it work at once wins: then it opens as usual.
   */
  selfServiceHold?: boolean;
  now: Date;
};

const SUBJECT_LIMIT = 120;

function subjectFor(input: OpenTicketInput): string {
  if (input.reason && input.reason !== "other") {
    return `${REASON_SUBJECTS[input.reason]}${input.orderId ? ` — order #${input.orderId}` : ""}`;
  }
  const first = input.messages.map((message) => describeContent(messageContent(message))).find((text) => text && !/^\/\w+/.test(text));
  const base = first ? first.replace(/\s+/g, " ") : "Telegram request";
  const subject = input.orderId ? `${base} — order #${input.orderId}` : base;
  return subject.length > SUBJECT_LIMIT ? `${subject.slice(0, SUBJECT_LIMIT - 1)}…` : subject;
}

/**
 * Opens the ticket a Telegram conversation becomes: the order attached, the reason as a tag, the
 * customer's messages as its thread, and the bot's confirmation (plus the order status when they
 * asked where it is) queued to the customer. One change, in the caller's transaction.
 */
export async function openTelegramTicketInTx(tx: Tx, input: OpenTicketInput): Promise<TicketChange> {
  const { storeId, now } = input;
  const tags = ["telegram", ...(input.reason ? [REASON_TAGS[input.reason]] : [])];
  const created = await createTicketInTx(tx, {
    storeId,
    subject: subjectFor(input),
    source: "TELEGRAM",
    customerId: input.customerId,
    tags,
    ...(input.orderId ? { bigcommerceOrderId: input.orderId } : {}),
    ...(input.selfServiceHold ? { watch: { needsPerson: null } } : {}),
    now,
  });
  const ticketId = created.ticket.id;
  await tx.ticket.update({ where: { id: ticketId, storeId }, data: { channelIdentityId: input.chatIdentityId }, select: { id: true } });
  let ticket = created.ticket;
  const messages = [...created.messages];
  // One millisecond apart: the thread sorts by time, and these are written within one instant.
  let clock = now.getTime();
  const tick = () => new Date((clock += 1));
  for (const message of input.messages) {
    const appended = await appendCustomerMessageInTx(tx, {
      storeId,
      ticketId,
      message,
      chatIdentityId: input.chatIdentityId,
      staffChatId: input.staffChatId,
      keepWatched: input.selfServiceHold === true,
      now: tick(),
    });
    if (!appended) continue;
    ticket = appended.ticket;
    messages.push(...appended.messages);
  }
  if (input.selfServiceHold && ticket.watched) return { ticket, messages };
  const confirmation = replies.ticketOpened(ticket.number, input.orderId);
  messages.push(await addBotMessageInTx(tx, { storeId, ticketId, body: confirmation, meta: { type: "bot", event: "ticket-opened" }, now: tick() }));
  if (input.orderStatus) {
    const status = orderStatusText(input.orderStatus);
    messages.push(await addBotMessageInTx(tx, { storeId, ticketId, body: status, meta: { type: "bot", event: "order-status" }, now: tick() }));
  }
  return { ticket, messages };
}
