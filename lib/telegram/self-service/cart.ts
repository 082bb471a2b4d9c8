import { isBigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import type { BigcommerceCartRedirectUrls } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { noteSelfServiceFailureInTx, recordSelfServiceInTx } from "./record-self-service.ts";
import { describeFailure, inSelfServiceTransaction, type SelfServiceChat } from "./self-service-access.ts";
import { cartKeyboard, cartLinesText, cartText, checkoutKeyboard, quantityKeyboard, selfServiceReplies } from "./self-service-replies.ts";
import { addToCart, EMPTY_CART, readCart, saveCartInTx, savePromptInTx, takePromptInTx, type CartLine, type SelfServiceCart } from "./self-service-state.ts";

/** "Add" on a product the bot showed: remember which, and ask how many. Ids the bot did not offer this chat are refused. */
export async function pickProduct(chat: SelfServiceChat, productId: number, variantId: number): Promise<void> {
  const { storeId } = chat.settings;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    const cart = await readCart(tx, identity.id);
    const offer = cart.offers.find((entry) => entry.productId === productId && entry.variantId === variantId);
    if (!offer) return sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.offerGone());
    await savePromptInTx(tx, storeId, identity.id, { step: "quantity", productId, variantId });
    await sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.askQuantity(offer.name), quantityKeyboard());
  });
}

/** The answer to "how many": the picked product goes in the cart (1..99, at most 10 lines). */
export async function addPickedQuantity(chat: SelfServiceChat, quantity: number): Promise<void> {
  const { storeId } = chat.settings;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    const prompt = await takePromptInTx(tx, identity.id, "quantity");
    if (!prompt) return sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.nothingPending());
    const cart = await readCart(tx, identity.id);
    const offer = cart.offers.find((entry) => entry.productId === prompt.productId && entry.variantId === prompt.variantId);
    if (!offer) return sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.offerGone());
    const next = addToCart(cart, offer, quantity);
    if (!next) return sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.cartFull(), cartKeyboard());
    await saveCartInTx(tx, storeId, identity.id, next);
    await sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.added(quantity, offer.name, next), cartKeyboard());
  });
}

export async function showCart(chat: SelfServiceChat): Promise<void> {
  const { storeId } = chat.settings;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    const cart = await readCart(tx, identity.id);
    await sayInChatInTx(tx, effects, storeId, chat.chatId, cartText(cart), cart.lines.length ? cartKeyboard() : undefined);
  });
}

export async function clearCart(chat: SelfServiceChat): Promise<void> {
  const { storeId } = chat.settings;
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    const cart = await readCart(tx, identity.id);
    await saveCartInTx(tx, storeId, identity.id, { ...EMPTY_CART, offers: cart.offers });
    await sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.cartCleared());
  });
}

/** Puts lines back into a cart the checkout had taken them from (unless the customer started another meanwhile). */
function restoreLines(cart: SelfServiceCart, lines: CartLine[]): SelfServiceCart {
  return cart.lines.length ? cart : { ...cart, lines };
}

/**
 * Builds the cart in BigCommerce for this customer (their account when they have one, else a
 * guest's cart) and sends its checkout link; the thread notes it for agents. The lines are taken
 * from the chat's cart first, so a double press makes one cart. BigCommerce has the last word on
 * products and stock: a refused cart is explained, and its lines put back for another try.
 */
export async function checkout(chat: SelfServiceChat): Promise<void> {
  const { storeId } = chat.settings;
  let lines: CartLine[] = [];
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    const cart = await readCart(tx, identity.id);
    lines = cart.lines;
    if (!lines.length) return sayInChatInTx(tx, effects, storeId, chat.chatId, cartText(cart));
    await saveCartInTx(tx, storeId, identity.id, { ...cart, lines: [] });
  });
  const taken = lines as CartLine[];
  if (!taken.length) return;
  let made: { cartId: string; amount: number; currency: string; urls: BigcommerceCartRedirectUrls };
  try {
    const created = await chat.client.createCart({
      customerId: chat.identity.customer.bigcommerceCustomerId,
      lineItems: taken.map((line) => ({ product_id: line.productId, variant_id: line.variantId, quantity: line.quantity })),
    });
    const urls = created.redirect_urls ?? (await chat.client.createCartRedirectUrls(created.id));
    made = { cartId: created.id, amount: created.cart_amount, currency: created.currency?.code ?? "", urls };
  } catch (error) {
    const failure = describeFailure(error);
    const refused = isBigcommerceApiError(error) && (error.status === 404 || error.status === 422);
    await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
      await saveCartInTx(tx, storeId, identity.id, restoreLines(await readCart(tx, identity.id), taken));
      await noteSelfServiceFailureInTx(tx, effects, { storeId, identity, kind: "checkout_link", thread: `cart of ${cartLinesText(taken)}. ${failure.note}` });
      await sayInChatInTx(tx, effects, storeId, chat.chatId, refused ? selfServiceReplies.cartRefused() : failure.customer, cartKeyboard());
    });
    return;
  }
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    // The link logs the shopper into this cart once: it goes to the chat only, never to the thread or the audit.
    await recordSelfServiceInTx(tx, effects, {
      storeId,
      identity,
      kind: "checkout_link",
      thread: `the customer got a checkout link for a cart of ${cartLinesText(taken)} (BigCommerce cart ${made.cartId}, ${made.amount.toFixed(2)} ${made.currency}).`,
      detail: { cartId: made.cartId, lines: taken.length, items: taken.reduce((sum, line) => sum + line.quantity, 0), amount: made.amount, currency: made.currency },
    });
    await sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.checkout(taken), checkoutKeyboard(made.urls.checkout_url));
  });
}
