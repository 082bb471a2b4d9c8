import type { Message } from "telegraf/types";
import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import { db } from "@/lib/db/client.ts";
import { reasonKeyboard, replies } from "./bot-replies.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { markChatUnblockedInTx } from "./mark-chat-unblocked.ts";
import { openTelegramTicketInTx } from "./open-telegram-ticket.ts";
import { sayInChatInTx } from "./say-in-chat.ts";
import { personOfOrder, type StorePerson } from "./store-order-lookup.ts";
import { ensureTelegramIdentityInTx, intakeDone, isVerified, saveIntakeStateInTx, type TelegramIdentity } from "./telegram-identity.ts";
import { claimStartLinkInTx } from "./verification/claim-start-link.ts";
import { readStartToken, type StartLinkClaim } from "@/lib/chat-links/start-link.ts";
import { attachOrderInTx, conversationAfterProofInTx, verifyChatInTx } from "./verification/verify-chat.ts";

type LinkTarget = { claim: StartLinkClaim; person: StorePerson; orderId: number | null };

/** Who a signed link names, read from the store before the transaction; null when it names nobody it can prove. */
async function linkTarget(storeId: string, claim: StartLinkClaim): Promise<LinkTarget | null> {
  const client = await bigcommerceClientForStore(db(), storeId);
  if (!client) return null;
  try {
    if (claim.kind === "order") {
      const order = await client.getOrder(claim.orderId);
      const person = order && !order.is_deleted ? personOfOrder(order) : null;
      return person && order ? { claim, person, orderId: order.id } : null;
    }
    const [customer] = await client.getCustomers({ ids: [claim.bigcommerceCustomerId] });
    if (!customer) return null;
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim() || null;
    return { claim, person: { bigcommerceCustomerId: customer.id, email: customer.email.toLowerCase(), name }, orderId: null };
  } catch (error) {
    // A store that revoked the app's access will not come back by retrying; other failures are retried.
    if (error instanceof BigcommerceApiError && (error.status === 401 || error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

/** The same store account (an email is not proof of one: lib/telegram/link-identity.ts). */
function isSameAccount(identity: TelegramIdentity, person: StorePerson): boolean {
  return identity.customer.bigcommerceCustomerId !== null && identity.customer.bigcommerceCustomerId === person.bigcommerceCustomerId;
}

export type StartCommandInput = { settings: TelegramSettings; message: Message; payload?: string; now?: Date };

/**
 * /start: greets and asks what the customer needs (reason buttons) and for their order details. A
 * customer Tern already knows is welcomed back to their open request instead. With a signed link's
 * payload (t.me/<bot>?start=<token>), the chat arrives verified for that order or customer.
 */
export async function handleStartCommand(input: StartCommandInput): Promise<void> {
  const { settings, message } = input;
  const { storeId } = settings;
  const chatId = String(message.chat.id);
  const now = input.now ?? new Date();
  const payload = input.payload?.trim() ?? "";
  const reading = payload ? readStartToken(storeId, payload, now) : null;
  const target = reading?.ok ? await linkTarget(storeId, reading.claim) : null;

  await inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await ensureTelegramIdentityInTx(tx, storeId, chatId, message.from);
    await markChatUnblockedInTx(tx, effects, storeId, identity, now);
    const firstName = message.from?.first_name;
    const say = (text: string, keyboard?: Parameters<typeof sayInChatInTx>[5]) => sayInChatInTx(tx, effects, storeId, chatId, text, keyboard);

    if (payload) {
      // The chat that opened this link (or proved this order) opening it again.
      const again = target !== null && isVerified(identity) && ((target.orderId !== null && identity.intake?.orderId === target.orderId) || isSameAccount(identity, target.person));
      // A chat verified as one customer is not moved to another by a link (their tickets would follow).
      const usable = target !== null && (again || (!isVerified(identity) && (await claimStartLinkInTx(tx, storeId, target.claim))));
      if (!usable || !target) {
        await say(replies.linkNotValid());
      } else {
        const customerId = again ? identity.customer.id : await verifyChatInTx(tx, { storeId, identity, person: target.person, proof: "SIGNED_LINK", orderId: target.orderId, now });
        const state = identity.intake ?? { step: "awaiting_identifier" as const, pending: [], reminders: 0 };
        let conversation = await conversationAfterProofInTx(tx, { storeId, chatIdentityId: identity.id, customerId, orderId: target.orderId });
        if (conversation && target.orderId) await attachOrderInTx(tx, storeId, conversation.id, target.orderId);
        if (!conversation && state.pending.length) {
          const created = await openTelegramTicketInTx(tx, {
            storeId,
            customerId,
            chatIdentityId: identity.id,
            reason: state.reason,
            orderId: target.orderId,
            messages: state.pending,
            staffChatId: settings.staffChatId,
            now,
          });
          effects.created.push(created);
          conversation = { id: created.ticket.id, number: created.ticket.number };
        } else if (conversation) {
          // The conversation answers to this chat from now on, when no chat had it yet (an order's ticket).
          await tx.ticket.updateMany({ where: { id: conversation.id, storeId, channelIdentityId: null }, data: { channelIdentityId: identity.id } });
        }
        await say(replies.linkVerified(firstName, target.orderId, conversation?.number ?? null));
        await saveIntakeStateInTx(tx, identity.id, {
          step: "done",
          ...(state.reason ? { reason: state.reason } : {}),
          pending: [],
          reminders: 0,
          // A customer link keeps the order the chat proved before (it still answers for that order).
          ...((target.orderId ?? state.orderId) ? { orderId: target.orderId ?? state.orderId } : {}),
        });
        return;
      }
    }

    if (intakeDone(identity)) {
      const open = await findOpenTicketInTx(tx, storeId, identity.customer.id, identity.id);
      await say(replies.welcomeBack(firstName, open?.number ?? null), open ? undefined : reasonKeyboard());
      return;
    }
    if (!payload) await say(replies.greeting(settings.storeName, firstName), reasonKeyboard());
    await saveIntakeStateInTx(tx, identity.id, identity.intake ?? { step: "awaiting_identifier", pending: [], reminders: 0 });
  });
}
