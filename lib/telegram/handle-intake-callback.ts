import type { CallbackQuery } from "telegraf/types";
import { replies } from "./bot-replies.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import type { IntakeReason, IntakeState } from "./intake-state.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { openTelegramTicketInTx } from "./open-telegram-ticket.ts";
import { sayInChatInTx } from "./say-in-chat.ts";
import { ensureTelegramIdentityInTx, intakeDone, isVerified, saveIntakeStateInTx } from "./telegram-identity.ts";

export type IntakeAction = { kind: "reason"; reason: IntakeReason } | { kind: "skip" };

/**
 * The intake buttons. A reason is remembered (it tags the ticket) and the bot asks for the order
 * number or email; "continue without an order" opens the ticket with what the customer wrote so
 * far. A customer already identified gets their ticket at once. Returns the button's toast text.
 */
export async function handleIntakeCallback(input: { settings: TelegramSettings; query: CallbackQuery; action: IntakeAction; now?: Date }): Promise<string> {
  const { settings, query, action } = input;
  const { storeId, staffChatId } = settings;
  const chatId = String(query.message?.chat.id ?? query.from.id);
  const now = input.now ?? new Date();
  return inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await ensureTelegramIdentityInTx(tx, storeId, chatId, query.from);
    const state: IntakeState = identity.intake ?? { step: "awaiting_identifier", pending: [], reminders: 0 };
    const reason = action.kind === "reason" ? action.reason : state.reason;
    const customerId = identity.customer.id;

    if (intakeDone(identity) || action.kind === "skip") {
      const open = await findOpenTicketInTx(tx, storeId, customerId, identity.id);
      if (open) {
        await sayInChatInTx(tx, effects, storeId, chatId, replies.alreadyOpen(open.number));
        return "Your request is open";
      }
      effects.created.push(await openTelegramTicketInTx(tx, { storeId, customerId, chatIdentityId: identity.id, reason, orderId: isVerified(identity) ? (state.orderId ?? null) : null, messages: state.pending, staffChatId, now }));
      effects.queued = true;
      await saveIntakeStateInTx(tx, identity.id, { ...state, step: "done", ...(reason ? { reason } : {}), pending: [], reminders: 0 });
      return "Request opened";
    }
    await sayInChatInTx(tx, effects, storeId, chatId, replies.askIdentifier(reason));
    await saveIntakeStateInTx(tx, identity.id, { ...state, step: "awaiting_identifier", ...(reason ? { reason } : {}) });
    return "Got it";
  });
}
