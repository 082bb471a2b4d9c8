import type { Message } from "telegraf/types";
import { db } from "@/lib/db/client.ts";
import type { TelegramSettings } from "../load-telegram-settings.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { findTelegramIdentity, isVerified, type TelegramIdentity } from "../telegram-identity.ts";
import { confirmAddress, listAddressOrders, pickAddressOrder, receiveAddress } from "./address-change.ts";
import { addPickedQuantity, checkout, clearCart, pickProduct, showCart } from "./cart.ts";
import { parseQuantity } from "./parse-customer-input.ts";
import { askPhone, confirmPhone, receivePhone } from "./phone-change.ts";
import { askSearchTerm, searchProducts } from "./product-search.ts";
import { parseSelfServiceAction } from "./self-service-action.ts";
import { inSelfServiceTransaction, openSelfService, sayToChat, type SelfServiceChat } from "./self-service-access.ts";
import { menuKeyboard, selfServiceReplies } from "./self-service-replies.ts";
import { clearPromptInTx, readPrompt } from "./self-service-state.ts";

export type SelfServiceCommand = "menu" | "products" | "cart" | "address" | "phone" | "cancel";

async function showMenu(chat: SelfServiceChat): Promise<void> {
  await inSelfServiceTransaction(chat, (tx, effects) => sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.menu(), menuKeyboard()));
}

async function cancel(chat: SelfServiceChat): Promise<void> {
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await clearPromptInTx(tx, identity.id);
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.cancelled());
  });
}

/** /menu, /products [term], /cart (/order), /address, /phone, /cancel: a verified chat's self-service; others are told how to verify. */
export async function handleSelfServiceCommand(input: { settings: TelegramSettings; message: Message; command: SelfServiceCommand; args: string }): Promise<void> {
  const chat = await openSelfService(input.settings, String(input.message.chat.id));
  if (!chat) return;
  switch (input.command) {
    case "menu":
      return showMenu(chat);
    case "products":
      return input.args.trim() ? searchProducts(chat, input.args) : askSearchTerm(chat);
    case "cart":
      return showCart(chat);
    case "address":
      return listAddressOrders(chat);
    case "phone":
      return askPhone(chat);
    case "cancel":
      return cancel(chat);
  }
}

/** /help: the self-service menu for a verified chat; false for others (they get the greeting). */
export async function showMenuIfVerified(settings: TelegramSettings, chatId: string): Promise<boolean> {
  const identity = await findTelegramIdentity(db(), settings.storeId, chatId);
  if (!identity || !isVerified(identity)) return false;
  await sayToChat(settings, chatId, selfServiceReplies.menu(), menuKeyboard());
  return true;
}

/** An "ss:" button. Returns the button's toast text. */
export async function handleSelfServiceCallback(input: { settings: TelegramSettings; chatId: string; data: string }): Promise<string> {
  const action = parseSelfServiceAction(input.data);
  if (!action) return "";
  const chat = await openSelfService(input.settings, input.chatId);
  if (!chat) return "Please verify first";
  switch (action.kind) {
    case "menu":
      await (action.item === "search" ? askSearchTerm(chat) : action.item === "cart" ? showCart(chat) : action.item === "address" ? listAddressOrders(chat) : askPhone(chat));
      return "";
    case "add":
      await pickProduct(chat, action.productId, action.variantId);
      return "";
    case "quantity":
      await addPickedQuantity(chat, action.quantity);
      return "Added";
    case "checkout":
      await checkout(chat);
      return "";
    case "clear":
      await clearCart(chat);
      return "Cart emptied";
    case "addressOrder":
      await pickAddressOrder(chat, action.orderId);
      return "";
    case "confirmAddress":
      await confirmAddress(chat);
      return "";
    case "confirmPhone":
      await confirmPhone(chat);
      return "";
    case "cancel":
      await cancel(chat);
      return "Cancelled";
  }
}

/**
 * A message that answers the bot's pending self-service question (a search term, a quantity, a
 * new address or phone). Returns false when there is none, or the message is not an answer: it
 * then goes on as any message does.
 */
export async function handleSelfServiceReply(input: { settings: TelegramSettings; message: Message; /** The chat's identity as the message's handler read it. */ identity: TelegramIdentity | null }): Promise<boolean> {
  const text = "text" in input.message ? input.message.text : undefined;
  if (!text || text.startsWith("/")) return false;
  const { settings, identity } = input;
  const chatId = String(input.message.chat.id);
  if (!identity || !isVerified(identity)) return false;
  const prompt = await readPrompt(db(), identity.id);
  if (!prompt || prompt.step === "address_confirm" || prompt.step === "phone_confirm") return false;
  const quantity = prompt.step === "quantity" ? parseQuantity(text) : null;
  if (prompt.step === "quantity" && quantity === null) return false;
  const chat = await openSelfService(settings, chatId);
  if (!chat) return true;
  if (prompt.step === "search") await searchProducts(chat, text);
  else if (prompt.step === "quantity") await addPickedQuantity(chat, quantity!);
  else if (prompt.step === "address") await receiveAddress(chat, text);
  else await receivePhone(chat, text);
  return true;
}
