import type { Tx } from "@/lib/db/client.ts";
import { routeTicketInTx } from "@/lib/routing/route-ticket.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { addBotMessageInTx } from "../add-bot-message.ts";
import { inChatTransaction } from "../chat-transaction.ts";
import type { TelegramEffects } from "../telegram-effects.ts";
import { findTelegramIdentity, isVerified } from "../telegram-identity.ts";
import { agentInvolvedInTx } from "./agent-involvement.ts";
import { kbReplies } from "./kb-answer-texts.ts";
import { parseKbCallback } from "./kb-offer-callback.ts";
import { recordKbAnswerAuditInTx } from "./record-kb-answer-audit.ts";

export type KbAnswerInput = { storeId: string; chatId: string; data: string; now?: Date };

type OpenOffer = { id: string; articleId: string | null; articleTitle: string };
type Conversation = { id: string; number: number; assigneeId: string | null };
type Step = { tx: Tx; effects: TelegramEffects; storeId: string; offer: OpenOffer; ticket: Conversation; title: string; involved: boolean; now: Date };

/** The article's title now, when it is still this store's; the title it was offered under otherwise. */
async function articleTitleInTx(tx: Tx, storeId: string, offer: OpenOffer): Promise<string> {
  const article = offer.articleId ? await tx.kbArticle.findFirst({ where: { id: offer.articleId, storeId }, select: { title: true } }) : null;
  return article?.title ?? offer.articleTitle;
}

async function pushChange(step: Step, messages: MessageDto[]): Promise<void> {
  const row = await step.tx.ticket.findFirstOrThrow({ where: { id: step.ticket.id, storeId: step.storeId }, select: ticketDtoSelect });
  step.effects.changed.push({ ticket: toTicketDto(row), messages });
}

/**
 * "Yes": the article answered. With no person involved the conversation is resolved by the bot,
 * marked as resolved by self-service (the dashboard's deflection) and the customer is told; no
 * CSAT question follows (csat/enqueue-csat-question.ts). With a person already on it nothing is
 * resolved behind their back: the thread tells them what the customer said.
 */
async function acceptInTx(step: Step): Promise<string> {
  const { tx, storeId, offer, ticket, title, now } = step;
  const detail = { type: "self_service", kind: "kb_answer", outcome: "accepted", offerId: offer.id, articleId: offer.articleId };
  if (step.involved) {
    const note = await createActivityInTx(tx, {
      storeId,
      ticketId: ticket.id,
      actorId: null,
      body: `The customer said the knowledge-base article “${title}” answered their question. Not resolved: a person is on this conversation.`,
      meta: { ...detail, resolved: false },
    });
    await recordKbAnswerAuditInTx(tx, { storeId, ticketId: ticket.id, offerId: offer.id, articleId: offer.articleId, outcome: "accepted", resolved: false });
    await pushChange(step, [note]);
    return kbReplies.toastAgentOnIt();
  }
  const moved = await transitionTicketInTx(tx, { storeId, ticketId: ticket.id, to: "RESOLVED", actorId: null, reason: "The customer said a knowledge-base article answered their question", now });
  await tx.ticket.update({ where: { id: ticket.id, storeId }, data: { selfServiceResolvedAt: now }, select: { id: true } });
  const note = await createActivityInTx(tx, { storeId, ticketId: ticket.id, actorId: null, body: `Resolved by self-service: ${title}`, meta: { ...detail, resolved: true } });
  const reply = await addBotMessageInTx(tx, { storeId, ticketId: ticket.id, body: kbReplies.resolved(ticket.number), meta: { type: "bot", event: "kb-resolved" }, now: new Date(now.getTime() + 1) });
  await recordKbAnswerAuditInTx(tx, { storeId, ticketId: ticket.id, offerId: offer.id, articleId: offer.articleId, outcome: "accepted", resolved: true });
  await pushChange(step, [...moved.messages, note, reply]);
  return kbReplies.toastResolved();
}

/**
 * "No, talk to a person": the conversation becomes work now and goes to the queue's routing, with
 * a note saying the article did not answer, so the agent who takes it sees everything.
 */
async function declineInTx(step: Step): Promise<string> {
  const { tx, storeId, offer, ticket, title, now } = step;
  const note = await createActivityInTx(tx, {
    storeId,
    ticketId: ticket.id,
    actorId: null,
    body: `Customer said the article did not answer: “${title}”`,
    meta: { type: "self_service", kind: "kb_answer", outcome: "declined", offerId: offer.id, articleId: offer.articleId },
  });
  const messages = [note];
  const work = await makeWorkInTx(tx, { storeId, ticketId: ticket.id, reason: "the customer asked for a person after a knowledge-base article", actorId: null, now });
  if (work) messages.push(...work.messages);
  if (!ticket.assigneeId) {
    const routed = await routeTicketInTx(tx, { storeId, ticketId: ticket.id, respectQueueOrder: true, now });
    messages.push(...routed.messages);
  }
  if (!step.involved) {
    messages.push(await addBotMessageInTx(tx, { storeId, ticketId: ticket.id, body: kbReplies.handedOver(ticket.number), meta: { type: "bot", event: "kb-handed-over" }, now: new Date(now.getTime() + 1) }));
  }
  await recordKbAnswerAuditInTx(tx, { storeId, ticketId: ticket.id, offerId: offer.id, articleId: offer.articleId, outcome: "declined" });
  await pushChange(step, messages);
  return step.involved ? kbReplies.toastAgentOnIt() : kbReplies.toastHandedOver();
}

/**
 * A tap on "Did this answer your question?". The button's data comes from the customer's client
 * and may be forged, so everything is checked against the store: the offer must be this store's,
 * made in this chat (still verified), its conversation this chat's and not closed or resolved,
 * and unanswered (a second tap, or a tap racing the first, changes nothing). Anything else
 * changes nothing and says the question is no longer open. Returns the button's toast text.
 */
export async function answerKbOffer(input: KbAnswerInput): Promise<string> {
  const { storeId, chatId } = input;
  const now = input.now ?? new Date();
  const parsed = parseKbCallback(input.data);
  if (!parsed) return kbReplies.toastNotOpen();
  return inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await findTelegramIdentity(tx, storeId, chatId);
    if (!identity || !isVerified(identity)) return kbReplies.toastNotOpen();
    const found = await tx.kbOffer.findFirst({ where: { id: parsed.offerId, storeId, chatIdentityId: identity.id }, select: { ticketId: true } });
    if (!found) return kbReplies.toastNotOpen();
    await lockTicket(tx, storeId, found.ticketId);
    // Read again under the ticket's lock: the first of two taps has committed by now.
    const offer = await tx.kbOffer.findFirstOrThrow({ where: { id: parsed.offerId, storeId }, select: { id: true, articleId: true, articleTitle: true, outcome: true } });
    if (offer.outcome) return kbReplies.toastAlreadyAnswered();
    const ticket = await tx.ticket.findFirst({
      where: { id: found.ticketId, storeId, channelIdentityId: identity.id },
      select: { id: true, number: true, status: true, assigneeId: true },
    });
    if (!ticket || ticket.status === "CLOSED" || ticket.status === "RESOLVED") return kbReplies.toastNotOpen();

    await tx.kbOffer.update({
      where: { id: offer.id },
      data: { outcome: parsed.answer === "yes" ? "ACCEPTED" : "DECLINED", answeredAt: now, heldUntil: null },
      select: { id: true },
    });
    const step: Step = {
      tx,
      effects,
      storeId,
      offer,
      ticket,
      title: await articleTitleInTx(tx, storeId, offer),
      involved: await agentInvolvedInTx(tx, storeId, ticket),
      now,
    };
    return parsed.answer === "yes" ? acceptInTx(step) : declineInTx(step);
  });
}
