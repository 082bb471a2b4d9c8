import type { BigcommerceCatalogProduct } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { enqueueDeliveriesInTx } from "../enqueue-delivery.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { parseSearchTerm } from "./parse-customer-input.ts";
import { noteSelfServiceFailureInTx, recordSelfServiceInTx } from "./record-self-service.ts";
import { describeFailure, inSelfServiceTransaction, type SelfServiceChat } from "./self-service-access.ts";
import { productCaption, productKeyboard, selfServiceReplies } from "./self-service-replies.ts";
import { clearPromptInTx, MAX_OFFERS, readCart, saveCartInTx, savePromptInTx, type ProductOffer } from "./self-service-state.ts";

/** Products shown per search: a chat is no catalog browser. */
const RESULTS = 5;
/** Variants offered per product as buttons. */
const VARIANT_BUTTONS = 4;

type ProductView = { product: BigcommerceCatalogProduct; offers: ProductOffer[]; labels: Array<string | null>; stock: number | null; imageUrl: string | null };

/** What the customer can buy of a product: its variants that are not disabled, with their price and stock. */
function viewOf(product: BigcommerceCatalogProduct): ProductView {
  const variants = (product.variants ?? []).filter((variant) => !variant.purchasing_disabled);
  const withOptions = variants.some((variant) => variant.option_values.length > 0);
  const stockOf = (level: number) => (product.inventory_tracking === "none" ? null : level);
  const picked = variants.slice(0, withOptions ? VARIANT_BUTTONS : 1);
  const inStock = picked.filter((variant) => product.inventory_tracking !== "variant" || variant.inventory_level > 0);
  const buyable = product.inventory_tracking === "product" && product.inventory_level <= 0 ? [] : inStock;
  const price = product.calculated_price ?? product.price;
  return {
    product,
    offers: buyable.map((variant) => ({
      productId: product.id,
      variantId: variant.id,
      name: withOptions ? `${product.name} (${variant.option_values.map((value) => value.label).join(", ")})`.slice(0, 250) : product.name,
      sku: variant.sku || product.sku,
      price: variant.calculated_price ?? variant.price ?? price,
    })),
    labels: buyable.map((variant) => (withOptions ? variant.option_values.map((value) => value.label).join(", ") : null)),
    stock: stockOf(product.inventory_level),
    imageUrl: product.primary_image?.url_standard || product.primary_image?.url_thumbnail || null,
  };
}

/**
 * Searches the catalog by name or SKU and shows what it found: one message per product with its
 * picture, price, stock and "add" buttons. The products shown become the only ones this chat can
 * put in its cart. An invalid term asks again; a failed search tells the customer plainly.
 */
export async function searchProducts(chat: SelfServiceChat, rawTerm: string): Promise<void> {
  const { storeId } = chat.settings;
  const term = parseSearchTerm(rawTerm);
  if (!term) {
    await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
      await savePromptInTx(tx, storeId, identity.id, { step: "search" });
      await sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.badSearch());
    });
    return;
  }
  let products: BigcommerceCatalogProduct[];
  try {
    products = await chat.client.searchProducts(term, RESULTS);
  } catch (error) {
    const failure = describeFailure(error);
    await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
      await clearPromptInTx(tx, identity.id);
      await noteSelfServiceFailureInTx(tx, effects, { storeId, identity, kind: "product_search", thread: `catalog search for "${term}". ${failure.note}` });
      await sayInChatInTx(tx, effects, storeId, chat.chatId, failure.customer);
    });
    return;
  }
  const views = products.filter((product) => product.is_visible).slice(0, RESULTS).map(viewOf);
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await clearPromptInTx(tx, identity.id);
    const names = views.map((view) => view.product.name).join(", ");
    await recordSelfServiceInTx(tx, effects, {
      storeId,
      identity,
      kind: "product_search",
      thread: `the customer searched the catalog for "${term}": ${views.length ? `${views.length} found (${names.slice(0, 300)})` : "nothing found"}.`,
      detail: { term, results: views.length },
    });
    if (!views.length) return sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.noProducts(term));
    const cart = await readCart(tx, identity.id);
    await saveCartInTx(tx, storeId, identity.id, { ...cart, offers: views.flatMap((view) => view.offers).slice(0, MAX_OFFERS) });
    await sayInChatInTx(tx, effects, storeId, chat.chatId, selfServiceReplies.found(term, views.length));
    await enqueueDeliveriesInTx(
      tx,
      storeId,
      views.map((view) => {
        const caption = productCaption({ name: view.product.name, sku: view.product.sku, price: view.product.calculated_price ?? view.product.price }, view.stock, view.labels.filter((label): label is string => Boolean(label)));
        const replyMarkup = productKeyboard(view.product, view.offers.map((offer, index) => ({ variantId: offer.variantId, label: view.labels[index] ?? null })));
        const markup = replyMarkup ? { replyMarkup } : {};
        return { chatId: chat.chatId, payload: view.imageUrl ? { type: "photo" as const, photoUrl: view.imageUrl, caption, ...markup } : { type: "text" as const, text: caption, ...markup } };
      }),
    );
  });
}

/** /products without a term, or the menu's button: ask for one (the next message is the answer). */
export async function askSearchTerm(chat: SelfServiceChat): Promise<void> {
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await savePromptInTx(tx, chat.settings.storeId, identity.id, { step: "search" });
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, selfServiceReplies.askSearch());
  });
}
