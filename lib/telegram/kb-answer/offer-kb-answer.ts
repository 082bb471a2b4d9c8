import type { Message } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import type { AnswerArticle } from "@/lib/kb/find-answer-article.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { addBotMessageInTx } from "../add-bot-message.ts";
import { appendCustomerMessageInTx } from "../append-customer-message.ts";
import { findOpenTicketInTx, type OpenTicket } from "../find-open-ticket.ts";
import type { IntakeState } from "../intake-state.ts";
import type { TelegramSettings } from "../load-telegram-settings.ts";
import { openTelegramTicketInTx } from "../open-telegram-ticket.ts";
import type { TelegramEffects } from "../telegram-effects.ts";
import type { TelegramIdentity } from "../telegram-identity.ts";
import { agentInvolvedInTx } from "./agent-involvement.ts";
import { kbOfferText } from "./kb-answer-texts.ts";
import { recordKbAnswerAuditInTx } from "./record-kb-answer-audit.ts";

/** How long a conversation waits for the customer's answer to an article before it goes to a person. */
export const KB_HOLD_MINUTES = 10;

const TITLE_LIMIT = 300;

export type KbOfferInput = {
  settings: TelegramSettings;
  /** A verified chat (the caller checks): nobody else is shown store content as an answer. */
  identity: TelegramIdentity;
  state: IntakeState;
  message: Message;
  /** The published article that answers the message well enough (lib/kb/find-answer-article.ts). */
  article: AnswerArticle;
  now: Date;
};

/**
 * Whether the bot may answer on this conversation before a person: it is still only watched (no
 * one has been asked to work it), no article was offered on it before (one offer per
 * conversation, never on every message), and no person has taken part. Call with the ticket locked.
 */
async function mayOfferOnInTx(tx: Tx, storeId: string, open: OpenTicket): Promise<boolean> {
  const ticket = await tx.ticket.findFirst({
    where: { id: open.id, storeId },
    select: { id: true, status: true, assigneeId: true, workSince: true, kbOffer: { select: { id: true } } },
  });
  if (!ticket || ticket.status === "CLOSED" || ticket.workSince !== null || ticket.kbOffer) return false;
  return !(await agentInvolvedInTx(tx, storeId, ticket));
}

/**
 * A cheap look before searching the knowledge base, outside the transaction: whether this chat's
 * conversation could take an article at all (none yet, or one still watched, unassigned and never
 * offered one). Most messages join a conversation a person already works; they skip the search.
 * offerKbAnswerInTx decides for sure, under the locks.
 */
export async function mightOfferKbAnswer(client: Tx, storeId: string, identity: TelegramIdentity): Promise<boolean> {
  const open = await findOpenTicketInTx(client, storeId, identity.customer.id, identity.id);
  if (!open) return true;
  const ticket = await client.ticket.findFirst({ where: { id: open.id, storeId }, select: { workSince: true, assigneeId: true, kbOffer: { select: { id: true } } } });
  return Boolean(ticket && ticket.workSince === null && ticket.assigneeId === null && !ticket.kbOffer);
}

/** The instant just after the change's last entry: the thread sorts by time. */
function after(change: TicketChange, now: Date): Date {
  return new Date(Math.max(now.getTime(), ...change.messages.map((message) => Date.parse(message.createdAt))) + 1);
}

/**
 * Answers a verified customer's question with a knowledge-base article before a person, when the
 * conversation allows it (mayOfferOnInTx): the message joins the thread as always (agents see it,
 * under Watching), the conversation stays watched for KB_HOLD_MINUTES, and the article goes out
 * with "Did this answer your question?" Yes / No buttons. The offer is noted in the thread and
 * audited. Returns false, having changed nothing, when the message should take the usual path.
 */
export async function offerKbAnswerInTx(tx: Tx, effects: TelegramEffects, input: KbOfferInput): Promise<boolean> {
  const { settings, identity, message, article, now } = input;
  const { storeId, staffChatId } = settings;
  const open = await findOpenTicketInTx(tx, storeId, identity.customer.id, identity.id);
  let change: TicketChange;
  let created = false;
  if (open) {
    await lockTicket(tx, storeId, open.id);
    if (!(await mayOfferOnInTx(tx, storeId, open))) return false;
    const appended = await appendCustomerMessageInTx(tx, { storeId, ticketId: open.id, message, chatIdentityId: identity.id, staffChatId, keepWatched: true, now });
    // A redelivered update: its message is already in the thread, with whatever followed it.
    if (!appended) return true;
    change = appended;
    effects.queued ||= Boolean(staffChatId);
  } else {
    const opened = await openTelegramTicketInTx(tx, {
      storeId,
      customerId: identity.customer.id,
      chatIdentityId: identity.id,
      reason: input.state.reason,
      orderId: input.state.orderId ?? null,
      messages: [message],
      staffChatId,
      selfServiceHold: true,
      now,
    });
    effects.queued = true;
    // A routing rule made it work at once (a supervisor wants a person on these): it opened as usual.
    if (!opened.ticket.watched) {
      effects.created.push(opened);
      return true;
    }
    change = opened;
    created = true;
  }

  const ticketId = change.ticket.id;
  const title = article.title.slice(0, TITLE_LIMIT);
  const offer = await tx.kbOffer.create({
    data: { storeId, ticketId, articleId: article.id, articleTitle: title, chatIdentityId: identity.id, offeredAt: now, heldUntil: new Date(now.getTime() + KB_HOLD_MINUTES * 60_000) },
    select: { id: true },
  });
  const offered = await addBotMessageInTx(tx, { storeId, ticketId, body: kbOfferText(article), meta: { type: "kb-offer", offerId: offer.id, articleId: article.id }, now: after(change, now) });
  const note = await createActivityInTx(tx, {
    storeId,
    ticketId,
    actorId: null,
    body: `Self-service: offered the knowledge-base article “${title}”. The conversation waits for the customer's answer (up to ${KB_HOLD_MINUTES} minutes) before it goes to a person.`,
    meta: { type: "self_service", kind: "kb_answer", outcome: "offered", offerId: offer.id, articleId: article.id },
  });
  await recordKbAnswerAuditInTx(tx, { storeId, ticketId, offerId: offer.id, articleId: article.id, outcome: "offered" });
  const result = { ticket: change.ticket, messages: [...change.messages, offered, note] };
  if (created) effects.created.push(result);
  else effects.changed.push(result);
  return true;
}
