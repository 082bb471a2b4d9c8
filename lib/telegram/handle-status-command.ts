import type { Message } from "telegraf/types";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import { db } from "@/lib/db/client.ts";
import { orderStatusText, replies } from "./bot-replies.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { guessIdentifier } from "./intake-state.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { sayInChatInTx } from "./say-in-chat.ts";
import { orderBelongsTo, orderStatusView } from "./store-order-lookup.ts";
import { findTelegramIdentity, isVerified } from "./telegram-identity.ts";

const RECENT_ORDERS = 3;

/** The answer to "/status [order]", from the store's data: only ever about the customer's own orders. */
async function statusAnswer(settings: TelegramSettings, chatId: string, args: string): Promise<string> {
  const identity = await findTelegramIdentity(db(), settings.storeId, chatId);
  if (!identity || !isVerified(identity)) return replies.statusNeedsIdentity();
  const client = await bigcommerceClientForStore(db(), settings.storeId);
  if (!client) return replies.lookupUnavailable();
  const customer = { bigcommerceCustomerId: identity.customer.bigcommerceCustomerId, email: identity.customer.email };
  // A chat verified by a guest order knows that order (its proof), not every order with its email.
  const proved = identity.intake?.orderId ?? null;

  if (args.trim()) {
    const guess = guessIdentifier(args);
    if (guess?.kind !== "order") return replies.statusUsage();
    const order = await client.getOrder(guess.orderId);
    // "Not yours" and "no such order" read the same: the bot is no oracle for other people's order numbers.
    if (!order || !(order.id === proved || orderBelongsTo(order, customer))) return replies.statusNotYours(guess.orderId);
    return orderStatusText(await orderStatusView(client, order));
  }
  const provedOrder = proved ? await client.getOrder(proved) : null;
  const orders = customer.bigcommerceCustomerId
    ? await client.listOrders({ customerId: customer.bigcommerceCustomerId, sort: "date_created:desc", limit: RECENT_ORDERS })
    : provedOrder
      ? [provedOrder]
      : [];
  if (!orders.length) return replies.statusNoOrders();
  const views = await Promise.all(orders.map((order) => orderStatusView(client, order)));
  return views.map(orderStatusText).join("\n\n");
}

/** /status: order status straight from the store, outside any ticket (the BigCommerce calls happen before the transaction). */
export async function handleStatusCommand(input: { settings: TelegramSettings; message: Message; args: string }): Promise<void> {
  const chatId = String(input.message.chat.id);
  const answer = await statusAnswer(input.settings, chatId, input.args);
  await inChatTransaction(input.settings.storeId, chatId, (tx, effects) => sayInChatInTx(tx, effects, input.settings.storeId, chatId, answer));
}
