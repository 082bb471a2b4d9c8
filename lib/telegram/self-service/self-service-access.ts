import { isBigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import type { BigcommerceOrder } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { db, type Tx } from "@/lib/db/client.ts";
import { inChatTransaction } from "../chat-transaction.ts";
import type { TelegramSettings } from "../load-telegram-settings.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { orderBelongsTo } from "../store-order-lookup.ts";
import type { TelegramEffects } from "../telegram-effects.ts";
import { findTelegramIdentity, isVerified, type TelegramIdentity } from "../telegram-identity.ts";
import { takeSelfServiceAction } from "./self-service-limits.ts";
import { selfServiceReplies } from "./self-service-replies.ts";

export type SelfServiceChat = { settings: TelegramSettings; chatId: string; identity: TelegramIdentity; client: BigcommerceClient };

/** Says one thing to the chat, outside any ticket, in its own chat transaction. */
export async function sayToChat(settings: TelegramSettings, chatId: string, text: string, markup?: Parameters<typeof sayInChatInTx>[5]): Promise<void> {
  await inChatTransaction(settings.storeId, chatId, (tx, effects) => sayInChatInTx(tx, effects, settings.storeId, chatId, text, markup));
}

/**
 * Everything self-service needs, or null after telling the chat why not: only a verified chat
 * (proved by a signed link, its order's billing details, or an agent) may look at or change
 * anything, at a bounded pace (self-service-limits.ts), and only while Tern can reach the store.
 */
export async function openSelfService(settings: TelegramSettings, chatId: string): Promise<SelfServiceChat | null> {
  const identity = await findTelegramIdentity(db(), settings.storeId, chatId);
  if (!identity || !isVerified(identity)) {
    await sayToChat(settings, chatId, selfServiceReplies.needsVerification());
    return null;
  }
  if (!(await takeSelfServiceAction(settings.storeId, chatId))) {
    await sayToChat(settings, chatId, selfServiceReplies.slowDown());
    return null;
  }
  const client = await bigcommerceClientForStore(db(), settings.storeId);
  if (!client) {
    await sayToChat(settings, chatId, selfServiceReplies.unavailable());
    return null;
  }
  return { settings, chatId, identity, client };
}

/**
 * The chat as it is now, under its lock: a chat unverified (or re-linked to someone else) since
 * the BigCommerce calls were made gets nothing from them.
 */
export async function stillSameCustomerInTx(tx: Tx, chat: SelfServiceChat): Promise<TelegramIdentity | null> {
  const now = await findTelegramIdentity(tx, chat.settings.storeId, chat.chatId);
  return now && isVerified(now) && now.customer.id === chat.identity.customer.id ? now : null;
}

/** Whether the verified chat may act on this order: the order it proved, or one of its customer's (orderBelongsTo). */
export function chatOwnsOrder(identity: TelegramIdentity, order: BigcommerceOrder): boolean {
  return order.id === identity.intake?.orderId || orderBelongsTo(order, { bigcommerceCustomerId: identity.customer.bigcommerceCustomerId, email: identity.customer.email });
}

/** A BigCommerce call that failed, as the customer is told and as agents see it in the thread. */
export function describeFailure(error: unknown): { customer: string; note: string; status: number | null } {
  if (isBigcommerceApiError(error)) {
    const status = error.status;
    const note = `BigCommerce answered ${status} to ${error.method} ${error.path.replace(/\?.*$/, "")}: ${error.detail}`.slice(0, 400);
    return { customer: status === 429 ? selfServiceReplies.busy() : selfServiceReplies.unavailable(), note, status };
  }
  const reason = error instanceof Error ? error.name : "error";
  return { customer: selfServiceReplies.unavailable(), note: `BigCommerce could not be reached (${reason})`, status: null };
}

export type ChatWork = (tx: Tx, effects: TelegramEffects, identity: TelegramIdentity) => Promise<void>;

/** Runs `work` in the chat's transaction if the chat is still this customer's, else tells it to verify. */
export async function inSelfServiceTransaction(chat: SelfServiceChat, work: ChatWork): Promise<void> {
  const { storeId } = chat.settings;
  await inChatTransaction(storeId, chat.chatId, async (tx, effects) => {
    const identity = await stillSameCustomerInTx(tx, chat);
    if (!identity) return sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.needsVerification());
    await work(tx, effects, identity);
  });
}
