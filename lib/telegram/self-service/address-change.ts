import type { BigcommerceOrder, BigcommerceShippingAddress } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { ORDER_STATUS } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { db } from "@/lib/db/client.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { addressText, parseAddress } from "./parse-customer-input.ts";
import { reportSelfServiceFailure, sayToSelfServiceChat } from "./answer-self-service-chat.ts";
import { recordSelfServiceInTx } from "./record-self-service.ts";
import { chatOwnsOrder, inSelfServiceTransaction, type SelfServiceChat } from "./self-service-access.ts";
import { confirmKeyboard, ordersKeyboard, selfServiceReplies } from "./self-service-replies.ts";
import { clearPromptInTx, readPrompt, savePromptInTx, takePromptInTx, type NewAddress } from "./self-service-state.ts";

/** Orders whose parcel may still be redirected: paid or not, but nothing packed off yet. */
const UNSHIPPED = new Set<number>([
  ORDER_STATUS.PENDING,
  ORDER_STATUS.AWAITING_PAYMENT,
  ORDER_STATUS.AWAITING_FULFILLMENT,
  ORDER_STATUS.AWAITING_SHIPMENT,
  ORDER_STATUS.MANUAL_VERIFICATION_REQUIRED,
]);

/** Recent orders looked at when listing the ones whose address can change. */
const RECENT_ORDERS = 10;
const LISTED_ORDERS = 5;

export function hasNotShipped(order: BigcommerceOrder): boolean {
  return UNSHIPPED.has(order.status_id) && !order.items_shipped && !order.date_shipped && !order.is_deleted;
}

type OrderCheck = { kind: "ok"; order: BigcommerceOrder; address: BigcommerceShippingAddress } | { kind: "refused"; text: string };

/** The order as BigCommerce has it now, checked: this customer's, not shipped, one shipping address (and that one, if named). */
async function checkOrder(chat: SelfServiceChat, orderId: number, addressId?: number): Promise<OrderCheck> {
  const order = await chat.client.getOrder(orderId);
  // "Not yours" and "no such order" read the same: the bot is no oracle for other people's order numbers.
  if (!order || !chatOwnsOrder(chat.identity, order)) return { kind: "refused", text: selfServiceReplies.orderNotYours(orderId) };
  if (!hasNotShipped(order)) return { kind: "refused", text: selfServiceReplies.orderShipped(orderId) };
  const addresses = await chat.client.getOrderShippingAddresses(orderId);
  if (addresses.length !== 1) return { kind: "refused", text: selfServiceReplies.orderSplit(orderId) };
  const address = addresses[0]!;
  if (addressId !== undefined && address.id !== addressId) return { kind: "refused", text: selfServiceReplies.orderSplit(orderId) };
  return { kind: "ok", order, address };
}

function failed(chat: SelfServiceChat, error: unknown, what: string): Promise<void> {
  return reportSelfServiceFailure(chat, error, { kind: "address_change", what, refused: selfServiceReplies.addressRefused(), refusedStatuses: [400, 422] });
}

/** /address: the customer's orders that have not shipped, as buttons (a guest's: the order it proved). */
export async function listAddressOrders(chat: SelfServiceChat): Promise<void> {
  const { identity, client } = chat;
  let orders: BigcommerceOrder[];
  try {
    const proved = identity.intake?.orderId ? await client.getOrder(identity.intake.orderId) : null;
    const accounts = identity.customer.bigcommerceCustomerId ? await client.listOrders({ customerId: identity.customer.bigcommerceCustomerId, sort: "date_created:desc", limit: RECENT_ORDERS }) : [];
    orders = [...(proved ? [proved] : []), ...accounts.filter((order) => order.id !== proved?.id)];
  } catch (error) {
    await failed(chat, error, "listing the customer's orders for an address change");
    return;
  }
  const open = orders.filter((order) => chatOwnsOrder(identity, order) && hasNotShipped(order)).slice(0, LISTED_ORDERS);
  await inSelfServiceTransaction(chat, async (tx, effects, current) => {
    await clearPromptInTx(tx, current.id);
    if (!open.length) return sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.noAddressOrders());
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.pickOrder(), ordersKeyboard(open.map((order) => order.id)));
  });
}

/** An order picked (its id comes from a button, so it is checked again): show where it ships and ask for the new address. */
export async function pickAddressOrder(chat: SelfServiceChat, orderId: number): Promise<void> {
  let check: OrderCheck;
  try {
    check = await checkOrder(chat, orderId);
  } catch (error) {
    await failed(chat, error, `reading order #${orderId} for an address change`);
    return;
  }
  if (check.kind === "refused") return sayToSelfServiceChat(chat, check.text, { clearPrompt: true });
  const { order, address } = check;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await savePromptInTx(tx, chat.settings.storeId, identity.id, { step: "address", orderId: order.id, addressId: address.id });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.askAddress(order.id, addressText(address)));
  });
}

/** The new address typed: read it, then show old and new for confirmation (nothing changes yet). */
export async function receiveAddress(chat: SelfServiceChat, text: string): Promise<void> {
  const prompt = await readPrompt(db(), chat.identity.id);
  if (prompt?.step !== "address") return;
  const address = parseAddress(text);
  if (!address) return sayToSelfServiceChat(chat, selfServiceReplies.badAddress());
  let check: OrderCheck;
  try {
    check = await checkOrder(chat, prompt.orderId, prompt.addressId);
  } catch (error) {
    await failed(chat, error, `reading order #${prompt.orderId} for an address change`);
    return;
  }
  if (check.kind === "refused") return sayToSelfServiceChat(chat, check.text, { clearPrompt: true });
  const before = addressText(check.address);
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await savePromptInTx(tx, chat.settings.storeId, identity.id, { step: "address_confirm", orderId: prompt.orderId, addressId: prompt.addressId, address });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.confirmAddress(prompt.orderId, before, addressText(address)), confirmKeyboard("ss:ac"));
  });
}

function addressInput(current: BigcommerceShippingAddress, next: NewAddress) {
  // The country's ISO code stays only when the country did not change; BigCommerce reads the name otherwise.
  const sameCountry = (current.country ?? "").trim().toLowerCase() === next.country.toLowerCase();
  return { street_1: next.street_1, street_2: "", city: next.city, state: next.state, zip: next.zip, country: next.country, ...(sameCountry && current.country_iso2 ? { country_iso2: current.country_iso2 } : {}) };
}

/**
 * "Yes, change it": the confirmation is taken (it acts once), the order checked again as it is
 * now (shipped meanwhile → refused in plain words), and the address changed in BigCommerce.
 */
export async function confirmAddress(chat: SelfServiceChat): Promise<void> {
  let prompt: { orderId: number; addressId: number; address: NewAddress } | null = null;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    prompt = await takePromptInTx(tx, identity.id, "address_confirm");
    if (!prompt) await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.nothingPending());
  });
  const taken = prompt as { orderId: number; addressId: number; address: NewAddress } | null;
  if (!taken) return;
  let before: string;
  try {
    const check = await checkOrder(chat, taken.orderId, taken.addressId);
    if (check.kind === "refused") return sayToSelfServiceChat(chat, check.text);
    before = addressText(check.address);
    await chat.client.updateOrderShippingAddress(taken.orderId, taken.addressId, addressInput(check.address, taken.address));
  } catch (error) {
    await failed(chat, error, `changing the shipping address of order #${taken.orderId}`);
    return;
  }
  const after = addressText(taken.address);
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await recordSelfServiceInTx(tx, effects, {
      storeId: chat.settings.storeId,
      identity,
      kind: "address_change",
      thread: `the customer changed the shipping address of order #${taken.orderId} from "${before.replace(/\n/g, ", ")}" to "${after.replace(/\n/g, ", ")}".`,
      detail: { orderId: taken.orderId, addressId: taken.addressId },
    });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.addressChanged(taken.orderId, after));
  });
}
