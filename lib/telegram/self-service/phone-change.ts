import { db } from "@/lib/db/client.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { parsePhone } from "./parse-customer-input.ts";
import { reportSelfServiceFailure, sayToSelfServiceChat } from "./answer-self-service-chat.ts";
import { recordSelfServiceInTx } from "./record-self-service.ts";
import { inSelfServiceTransaction, type SelfServiceChat } from "./self-service-access.ts";
import { confirmKeyboard, selfServiceReplies } from "./self-service-replies.ts";
import { readPrompt, savePromptInTx, takePromptInTx } from "./self-service-state.ts";

function failed(chat: SelfServiceChat, error: unknown, what: string): Promise<void> {
  return reportSelfServiceFailure(chat, error, { kind: "phone_change", what, refused: selfServiceReplies.phoneRefused(), refusedStatuses: [422] });
}

/** The account's phone as BigCommerce has it now (null: not set). */
async function currentPhone(chat: SelfServiceChat, customerId: number): Promise<string | null> {
  const [customer] = await chat.client.getCustomers({ ids: [customerId] });
  if (!customer) throw new Error("The customer account no longer exists");
  return customer.phone || null;
}

/** /phone: only an account has a phone to change (a guest's orders carry theirs in each address). */
export async function askPhone(chat: SelfServiceChat): Promise<void> {
  const customerId = chat.identity.customer.bigcommerceCustomerId;
  if (!customerId) return sayToSelfServiceChat(chat, selfServiceReplies.guestPhone(), { clearPrompt: true });
  let current: string | null;
  try {
    current = await currentPhone(chat, customerId);
  } catch (error) {
    await failed(chat, error, "reading the customer's account for a phone change");
    return;
  }
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await savePromptInTx(tx, chat.settings.storeId, identity.id, { step: "phone" });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.askPhone(current));
  });
}

/** The new number typed: show old and new for confirmation. */
export async function receivePhone(chat: SelfServiceChat, text: string): Promise<void> {
  const customerId = chat.identity.customer.bigcommerceCustomerId;
  if (!customerId || (await readPrompt(db(), chat.identity.id))?.step !== "phone") return;
  const phone = parsePhone(text);
  if (!phone) return sayToSelfServiceChat(chat, selfServiceReplies.badPhone());
  let current: string | null;
  try {
    current = await currentPhone(chat, customerId);
  } catch (error) {
    await failed(chat, error, "reading the customer's account for a phone change");
    return;
  }
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await savePromptInTx(tx, chat.settings.storeId, identity.id, { step: "phone_confirm", phone });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.confirmPhone(current, phone), confirmKeyboard("ss:pc"));
  });
}

/** "Yes, change it": taken once, then the account's phone changed in BigCommerce. */
export async function confirmPhone(chat: SelfServiceChat): Promise<void> {
  const customerId = chat.identity.customer.bigcommerceCustomerId;
  let phone: string | null = null;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    phone = (await takePromptInTx(tx, identity.id, "phone_confirm"))?.phone ?? null;
    if (!phone || !customerId) await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.nothingPending());
  });
  const taken = phone as string | null;
  if (!taken || !customerId) return;
  let before: string | null;
  try {
    before = await currentPhone(chat, customerId);
    await chat.client.updateCustomer(customerId, { phone: taken });
  } catch (error) {
    await failed(chat, error, "changing the account's phone number");
    return;
  }
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await recordSelfServiceInTx(tx, effects, {
      storeId: chat.settings.storeId,
      identity,
      kind: "phone_change",
      thread: `the customer changed their account's phone number from ${before ?? "none"} to ${taken}.`,
      detail: { bigcommerceCustomerId: customerId },
    });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.phoneChanged(taken));
  });
}
