import type { Message } from "telegraf/types";
import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { BigcommerceOrder } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { db, type Tx } from "@/lib/db/client.ts";
import type { IdentityProof } from "@/lib/generated/prisma/enums.ts";
import { findAnswerArticle } from "@/lib/kb/find-answer-article.ts";
import { ticketDtoSelect, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { addBotMessageInTx } from "./add-bot-message.ts";
import { appendCustomerMessageInTx } from "./append-customer-message.ts";
import { orderStatusText, reasonKeyboard, replies, skipKeyboard, type OrderStatusView } from "./bot-replies.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import { MAX_PENDING, type IntakeReason, type IntakeState } from "./intake-state.ts";
import { mightOfferKbAnswer, offerKbAnswerInTx } from "./kb-answer/offer-kb-answer.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { markChatUnblockedInTx } from "./mark-chat-unblocked.ts";
import { openTelegramTicketInTx } from "./open-telegram-ticket.ts";
import { sayInChatInTx } from "./say-in-chat.ts";
import { handleSelfServiceReply } from "./self-service/handle-self-service.ts";
import { orderStatusView, personOfOrder, type StorePerson } from "./store-order-lookup.ts";
import type { TelegramEffects } from "./telegram-effects.ts";
import { ensureTelegramIdentityInTx, findTelegramIdentity, isVerified, saveIntakeStateInTx, type TelegramIdentity } from "./telegram-identity.ts";
import { isCompleteProof, proofMatches, readProofText, type ProofClaim } from "./verification/order-proof.ts";
import { giveBackProofAttempt, takeProofAttempt } from "./verification/verification-limits.ts";
import { attachOrderInTx, conversationAfterProofInTx, verifyChatInTx } from "./verification/verify-chat.ts";

type ProofCheck =
  | { kind: "verified"; person: StorePerson; order: BigcommerceOrder; proof: IdentityProof; orderStatus: OrderStatusView | null }
  | { kind: "refused" }
  | { kind: "limited" }
  | { kind: "unavailable" };

/**
 * Checks an order number with its billing email or postcode against the store, before the
 * transaction (no row lock waits on the network). Each try counts against the chat and the order
 * (a right one is given back); a nonexistent order is a wrong pair like any other.
 */
async function checkProof(storeId: string, chatId: string, claim: ProofClaim & { orderId: number }, reason: IntakeReason | undefined): Promise<ProofCheck> {
  const key = { storeId, requester: `chat:${chatId}`, orderId: claim.orderId };
  const client = await bigcommerceClientForStore(db(), storeId);
  if (!client) return { kind: "unavailable" };
  if (!(await takeProofAttempt(key))) return { kind: "limited" };
  try {
    const order = await client.getOrder(claim.orderId);
    const proof = proofMatches(order, claim);
    const person = order && proof ? personOfOrder(order) : null;
    if (!order || !proof || !person) return { kind: "refused" };
    await giveBackProofAttempt(key);
    const orderStatus = reason === "where" ? await orderStatusView(client, order) : null;
    return { kind: "verified", person, order, proof, orderStatus };
  } catch (error) {
    // A store that revoked the app's access will not come back by retrying; other failures are retried.
    if (error instanceof BigcommerceApiError && (error.status === 401 || error.status === 403)) return { kind: "unavailable" };
    throw error;
  }
}

export type PrivateMessageInput = { settings: TelegramSettings; message: Message; now?: Date };

const FRESH_INTAKE: IntakeState = { step: "awaiting_identifier", pending: [], reminders: 0 };

/** Messages without order details after which the chat's conversation opens anyway, unverified. */
const OPEN_UNVERIFIED_AFTER = 3;

/** The messages waiting for the ticket, this one added once (a retried update must not add it twice). */
function withPending(state: IntakeState, message: Message): Message[] {
  const others = state.pending.filter((pending) => pending.message_id !== message.message_id);
  return [...others, message].slice(-MAX_PENDING);
}

async function appendAllInTx(tx: Tx, effects: TelegramEffects, settings: TelegramSettings, identity: TelegramIdentity, ticketId: string, messages: Message[], now: Date) {
  const added = [];
  let ticket = null;
  for (const pending of messages) {
    const change = await appendCustomerMessageInTx(tx, { storeId: settings.storeId, ticketId, message: pending, chatIdentityId: identity.id, staffChatId: settings.staffChatId, now });
    if (!change) continue;
    added.push(...change.messages);
    ticket = change.ticket;
  }
  effects.queued ||= Boolean(added.length && settings.staffChatId);
  return { ticket, added };
}

async function ticketDto(tx: Tx, storeId: string, ticketId: string) {
  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return toTicketDto(row);
}

/**
 * The chat's conversation gets these messages: its open ticket, else a new one. For a chat not yet
 * verified that ticket is an "Unverified" conversation: it reaches a person, about no order.
 * Returns the ticket's number, and whether it was just opened (its confirmation already went out).
 */
async function conversationWithInTx(
  tx: Tx,
  effects: TelegramEffects,
  settings: TelegramSettings,
  identity: TelegramIdentity,
  state: IntakeState,
  messages: Message[],
  now: Date,
): Promise<{ number: number; opened: boolean }> {
  const { storeId, staffChatId } = settings;
  const open = await findOpenTicketInTx(tx, storeId, identity.customer.id, identity.id);
  if (open) {
    const { ticket, added } = await appendAllInTx(tx, effects, settings, identity, open.id, messages, now);
    if (ticket) effects.changed.push({ ticket, messages: added });
    return { number: open.number, opened: false };
  }
  const orderId = isVerified(identity) ? (state.orderId ?? null) : null;
  const created = await openTelegramTicketInTx(tx, { storeId, customerId: identity.customer.id, chatIdentityId: identity.id, reason: state.reason, orderId, messages, staffChatId, now });
  effects.created.push(created);
  effects.queued = true;
  return { number: created.ticket.number, opened: true };
}

/** The chat proved the order is theirs: it is verified and linked, and its conversation is about that order. */
async function completeVerificationInTx(
  tx: Tx,
  effects: TelegramEffects,
  settings: TelegramSettings,
  identity: TelegramIdentity,
  state: IntakeState,
  message: Message,
  check: Extract<ProofCheck, { kind: "verified" }>,
  now: Date,
): Promise<void> {
  const { storeId, staffChatId } = settings;
  const orderId = check.order.id;
  const customerId = await verifyChatInTx(tx, { storeId, identity, person: check.person, proof: check.proof, orderId, now });
  const messages = withPending(state, message);
  const conversation = await conversationAfterProofInTx(tx, { storeId, chatIdentityId: identity.id, customerId, orderId });
  if (conversation) {
    const { added } = await appendAllInTx(tx, effects, settings, identity, conversation.id, messages, now);
    await attachOrderInTx(tx, storeId, conversation.id, orderId);
    const notes = [await addBotMessageInTx(tx, { storeId, ticketId: conversation.id, body: replies.verified(orderId, conversation.number), meta: { type: "bot", event: "chat-verified" } })];
    if (check.orderStatus) {
      notes.push(await addBotMessageInTx(tx, { storeId, ticketId: conversation.id, body: orderStatusText(check.orderStatus), meta: { type: "bot", event: "order-status" } }));
    }
    effects.changed.push({ ticket: await ticketDto(tx, storeId, conversation.id), messages: [...added, ...notes] });
  } else {
    effects.created.push(
      await openTelegramTicketInTx(tx, { storeId, customerId, chatIdentityId: identity.id, reason: state.reason, orderId, messages, staffChatId, orderStatus: check.orderStatus, now }),
    );
  }
  effects.queued = true;
  await saveIntakeStateInTx(tx, identity.id, { step: "done", ...(state.reason ? { reason: state.reason } : {}), pending: [], reminders: 0, orderId });
}

/**
 * A customer's message in a private chat. A verified chat's messages join its conversation. Before
 * that, every message is read for proof: an order number with that order's billing email or
 * postcode verifies the chat and links it to the order; half of it, or a wrong pair, opens (or
 * joins) an "Unverified" conversation and says nothing about any order. Anything else waits for
 * the ticket, with a greeting on first contact and a reminder now and then.
 */
export async function handlePrivateMessage(input: PrivateMessageInput): Promise<void> {
  const { settings, message } = input;
  const { storeId } = settings;
  const chatId = String(message.chat.id);
  const now = input.now ?? new Date();
  const before = await findTelegramIdentity(db(), storeId, chatId);
  // The answer to a self-service question the bot asked (a search term, a new address…) is not a message for agents.
  if (await handleSelfServiceReply({ settings, message, identity: before })) return;
  const text = "text" in message ? message.text : undefined;
  const claim = text && !text.startsWith("/") && !(before && isVerified(before)) ? readProofText(text, before?.intake?.claim ?? {}) : null;
  const check = claim && isCompleteProof(claim) ? await checkProof(storeId, chatId, claim, before?.intake?.reason) : null;
  // A verified customer's question may have its answer in the knowledge base: looked up before the
  // transaction, offered inside it only if the conversation allows (kb-answer/offer-kb-answer.ts).
  const ask = text && !text.startsWith("/") && before && isVerified(before) && (await mightOfferKbAnswer(db(), storeId, before));
  const answer = ask ? await findAnswerArticle(db(), { storeId, text }) : null;

  await inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await ensureTelegramIdentityInTx(tx, storeId, chatId, message.from);
    // Writing to the bot means they unblocked it, even if that update never reached us.
    await markChatUnblockedInTx(tx, effects, storeId, identity, now);
    const state: IntakeState = identity.intake ?? FRESH_INTAKE;
    if (isVerified(identity)) {
      if (answer && (await offerKbAnswerInTx(tx, effects, { settings, identity, state, message, article: answer, now }))) return;
      await conversationWithInTx(tx, effects, settings, identity, state, [message], now);
      return;
    }
    if (check?.kind === "verified") return completeVerificationInTx(tx, effects, settings, identity, state, message, check, now);

    const say = (text: string) => sayInChatInTx(tx, effects, storeId, chatId, text);
    if (check) {
      // A wrong pair, too many tries, or no store to ask: the customer still reaches a person, unverified.
      const conversation = await conversationWithInTx(tx, effects, settings, identity, state, withPending(state, message), now);
      const number = conversation.opened ? null : conversation.number;
      await say(check.kind === "refused" ? replies.proofRefused(number) : check.kind === "limited" ? replies.proofLimited(number) : replies.lookupUnavailable());
      return saveIntakeStateInTx(tx, identity.id, { ...state, step: "done", pending: [], claim: undefined });
    }
    if (claim) {
      // Half a proof: ask for the other half, in the same words whether or not the order exists.
      // A postcode without its order number is not kept: it is read again after the number.
      const kept = { ...(claim.orderId !== undefined ? { orderId: claim.orderId } : {}), ...(claim.email !== undefined ? { email: claim.email } : {}) };
      const ask = claim.orderId !== undefined ? replies.askBillingDetail : replies.askOrderNumber;
      if (state.step === "done") {
        const conversation = await conversationWithInTx(tx, effects, settings, identity, state, [message], now);
        await say(ask(conversation.opened ? null : conversation.number));
        return saveIntakeStateInTx(tx, identity.id, { ...state, claim: kept });
      }
      await sayInChatInTx(tx, effects, storeId, chatId, ask(null), skipKeyboard());
      return saveIntakeStateInTx(tx, identity.id, { ...state, pending: withPending(state, message), claim: kept });
    }
    if (state.step === "done") {
      await conversationWithInTx(tx, effects, settings, identity, state, [message], now);
      return;
    }

    const pending = withPending(state, message);
    if (!identity.intake) {
      await sayInChatInTx(tx, effects, storeId, chatId, replies.greeting(settings.storeName, message.from?.first_name), reasonKeyboard());
      return saveIntakeStateInTx(tx, identity.id, { ...state, pending });
    }
    // Someone who keeps writing without order details still reaches a person: an unverified conversation.
    if (pending.length >= OPEN_UNVERIFIED_AFTER) {
      await conversationWithInTx(tx, effects, settings, identity, state, pending, now);
      return saveIntakeStateInTx(tx, identity.id, { ...state, step: "done", pending: [] });
    }
    // Remind on the first message that is not an order number or email.
    const remind = state.reminders === 0;
    if (remind) await sayInChatInTx(tx, effects, storeId, chatId, replies.remindIdentifier(), skipKeyboard());
    return saveIntakeStateInTx(tx, identity.id, { ...state, pending, reminders: state.reminders + (remind ? 1 : 0) });
  });
}
