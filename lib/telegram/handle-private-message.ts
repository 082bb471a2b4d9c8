import type { InlineKeyboardMarkup, Message } from "telegraf/types";
import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import { db, type Tx } from "@/lib/db/client.ts";
import { ticketDtoSelect, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { addBotMessageInTx } from "./add-bot-message.ts";
import { appendCustomerMessageInTx } from "./append-customer-message.ts";
import { reasonKeyboard, replies, skipKeyboard, type OrderStatusView } from "./bot-replies.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import { guessIdentifier, MAX_PENDING, type IdentifierGuess, type IntakeReason, type IntakeState } from "./intake-state.ts";
import { linkIdentityInTx } from "./link-identity.ts";
import { markChatUnblockedInTx } from "./mark-chat-unblocked.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { openTelegramTicketInTx } from "./open-telegram-ticket.ts";
import { sayInChatInTx } from "./say-in-chat.ts";
import { matchEmail, matchOrderNumber, orderStatusView, type IntakeMatch } from "./store-order-lookup.ts";
import type { TelegramEffects } from "./telegram-effects.ts";
import { ensureTelegramIdentityInTx, findTelegramIdentity, intakeDone, saveIntakeStateInTx, type TelegramIdentity } from "./telegram-identity.ts";

type Lookup =
  | { kind: "found"; match: IntakeMatch; orderStatus: OrderStatusView | null }
  | { kind: "not_found"; guess: NonNullable<IdentifierGuess> }
  | { kind: "unavailable" };

/** The BigCommerce lookup, before the transaction: no row lock waits on the network. */
async function lookUp(storeId: string, guess: NonNullable<IdentifierGuess>, reason: IntakeReason | undefined): Promise<Lookup> {
  const client = await bigcommerceClientForStore(db(), storeId);
  if (!client) return { kind: "unavailable" };
  try {
    const match = guess.kind === "order" ? await matchOrderNumber(client, guess.orderId) : await matchEmail(client, guess.email);
    if (!match) return { kind: "not_found", guess };
    const orderStatus = reason === "where" && match.order ? await orderStatusView(client, match.order) : null;
    return { kind: "found", match, orderStatus };
  } catch (error) {
    // A store that revoked the app's access will not come back by retrying; other failures are retried.
    if (error instanceof BigcommerceApiError && (error.status === 401 || error.status === 403)) return { kind: "unavailable" };
    throw error;
  }
}

export type PrivateMessageInput = { settings: TelegramSettings; message: Message; now?: Date };

/** A message from an identified customer: into their open ticket, or a new one. */
async function joinTicketInTx(tx: Tx, effects: TelegramEffects, settings: TelegramSettings, customerId: string, message: Message, now: Date): Promise<void> {
  const { storeId, staffChatId } = settings;
  const open = await findOpenTicketInTx(tx, storeId, customerId);
  if (open) {
    const change = await appendCustomerMessageInTx(tx, { storeId, ticketId: open.id, message, staffChatId, now });
    if (change) effects.changed.push(change);
    effects.queued ||= Boolean(change && staffChatId);
    return;
  }
  effects.created.push(await openTelegramTicketInTx(tx, { storeId, customerId, reason: undefined, orderId: null, messages: [message], staffChatId, now }));
  effects.queued = true;
}

/** The messages waiting for the ticket, this one added once (a retried update must not add it twice). */
function withPending(state: IntakeState, message: Message): Message[] {
  const others = state.pending.filter((pending) => pending.message_id !== message.message_id);
  return [...others, message].slice(-MAX_PENDING);
}

/** The customer found their order or account: link the chat, and open (or join) their ticket with everything they wrote. */
async function completeIntakeInTx(
  tx: Tx,
  effects: TelegramEffects,
  settings: TelegramSettings,
  identity: TelegramIdentity,
  state: IntakeState,
  message: Message,
  found: Extract<Lookup, { kind: "found" }>,
  now: Date,
): Promise<void> {
  const { storeId, staffChatId } = settings;
  const customerId = await linkIdentityInTx(tx, storeId, identity, found.match.person);
  const messages = withPending(state, message);
  const open = await findOpenTicketInTx(tx, storeId, customerId, found.match.order?.id);
  if (open) {
    const added = [];
    let ticket = null;
    for (const pending of messages) {
      const change = await appendCustomerMessageInTx(tx, { storeId, ticketId: open.id, message: pending, staffChatId, now });
      if (!change) continue;
      added.push(...change.messages);
      ticket = change.ticket;
    }
    const note = await addBotMessageInTx(tx, { storeId, ticketId: open.id, body: replies.alreadyOpen(open.number), meta: { type: "bot", event: "ticket-joined" } });
    effects.changed.push({ ticket: ticket ?? (await ticketDto(tx, storeId, open.id)), messages: [...added, note] });
  } else {
    const orderId = found.match.order?.id ?? null;
    effects.created.push(await openTelegramTicketInTx(tx, { storeId, customerId, reason: state.reason, orderId, messages, staffChatId, orderStatus: found.orderStatus, now }));
  }
  effects.queued = true;
  await saveIntakeStateInTx(tx, identity.id, { step: "done", ...(state.reason ? { reason: state.reason } : {}), pending: [], reminders: 0 });
}

async function ticketDto(tx: Tx, storeId: string, ticketId: string) {
  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return toTicketDto(row);
}

/**
 * A customer's message in a private chat. Identified customers' messages join their ticket. Before
 * that, the intake flow: an order number or email is checked against the store and, when found,
 * links the chat and opens the ticket; anything else waits for the ticket, with a greeting on first
 * contact and a reminder now and then.
 */
export async function handlePrivateMessage(input: PrivateMessageInput): Promise<void> {
  const { settings, message } = input;
  const { storeId } = settings;
  const chatId = String(message.chat.id);
  const now = input.now ?? new Date();

  const before = await findTelegramIdentity(db(), storeId, chatId);
  const text = "text" in message ? message.text : undefined;
  const guess = text && !(before && intakeDone(before)) ? guessIdentifier(text) : null;
  const lookup = guess ? await lookUp(storeId, guess, before?.intake?.reason) : null;

  await inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await ensureTelegramIdentityInTx(tx, storeId, chatId, message.from);
    // Writing to the bot means they unblocked it, even if that update never reached us.
    await markChatUnblockedInTx(tx, effects, storeId, identity, now);
    if (intakeDone(identity)) return joinTicketInTx(tx, effects, settings, identity.customer.id, message, now);

    const state: IntakeState = identity.intake ?? { step: "awaiting_identifier", pending: [], reminders: 0 };
    if (lookup?.kind === "found") return completeIntakeInTx(tx, effects, settings, identity, state, message, lookup, now);

    const say = (text: string, keyboard?: InlineKeyboardMarkup) => sayInChatInTx(tx, effects, storeId, chatId, text, keyboard);
    if (lookup?.kind === "not_found") {
      await say(lookup.guess.kind === "order" ? replies.orderNotFound(lookup.guess.orderId) : replies.emailNotFound(lookup.guess.email));
      return saveIntakeStateInTx(tx, identity.id, { ...state, step: "awaiting_identifier" });
    }
    const pending = withPending(state, message);
    if (lookup?.kind === "unavailable") {
      await say(replies.lookupUnavailable(), skipKeyboard());
      return saveIntakeStateInTx(tx, identity.id, { ...state, step: "awaiting_identifier", pending });
    }
    if (!identity.intake) {
      await say(replies.greeting(settings.storeName, message.from?.first_name), reasonKeyboard());
      return saveIntakeStateInTx(tx, identity.id, { ...state, pending });
    }
    // Remind on the first message that is not an order number or email, then every fifth.
    const remind = state.reminders === 0 || pending.length % 5 === 0;
    if (remind) await say(replies.remindIdentifier(), skipKeyboard());
    return saveIntakeStateInTx(tx, identity.id, { ...state, pending, reminders: state.reminders + (remind ? 1 : 0) });
  });
}
