import type { InlineKeyboardMarkup } from "telegraf/types";
import type { BigcommerceCatalogProduct } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { CartLine, SelfServiceCart } from "./self-service-state.ts";

/** What the bot says in self-service, plain text like every bot reply (no parse_mode). Buttons carry "ss:" data (≤ 64 bytes). */

export function menuKeyboard(): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: "🔎 Find a product", callback_data: "ss:m:search" },
        { text: "🛒 My cart", callback_data: "ss:m:cart" },
      ],
      [
        { text: "🏠 Change delivery address", callback_data: "ss:m:address" },
        { text: "📞 Change my phone", callback_data: "ss:m:phone" },
      ],
    ],
  };
}

export function quantityKeyboard(): InlineKeyboardMarkup {
  return { inline_keyboard: [[1, 2, 3, 5].map((quantity) => ({ text: String(quantity), callback_data: `ss:q:${quantity}` }))] };
}

export function cartKeyboard(): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [{ text: "✅ Get checkout link", callback_data: "ss:checkout" }],
      [
        { text: "🔎 Add another product", callback_data: "ss:m:search" },
        { text: "🗑 Empty cart", callback_data: "ss:clear" },
      ],
    ],
  };
}

export function confirmKeyboard(confirm: "ss:ac" | "ss:pc"): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: "✅ Yes, change it", callback_data: confirm }, { text: "✖️ Cancel", callback_data: "ss:x" }]] };
}

export function checkoutKeyboard(checkoutUrl: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: "Go to checkout", url: checkoutUrl }]] };
}

export function ordersKeyboard(orderIds: number[]): InlineKeyboardMarkup {
  return { inline_keyboard: orderIds.map((orderId) => [{ text: `Order #${orderId}`, callback_data: `ss:ao:${orderId}` }]) };
}

/** One "add" button per variant the customer can pick (a product without options has one). */
export function productKeyboard(product: BigcommerceCatalogProduct, buyable: Array<{ variantId: number; label: string | null }>): InlineKeyboardMarkup | undefined {
  if (!buyable.length) return undefined;
  return {
    inline_keyboard: buyable.map((variant) => [
      { text: variant.label ? `🛒 Add ${variant.label}`.slice(0, 60) : "🛒 Add to cart", callback_data: `ss:add:${product.id}:${variant.variantId}` },
    ]),
  };
}

function price(value: number): string {
  return value.toFixed(2);
}

export function stockText(level: number | null): string {
  if (level === null) return "In stock";
  return level > 0 ? `In stock: ${level}` : "Out of stock";
}

export function productCaption(product: { name: string; sku: string; price: number }, stock: number | null, variants: string[]): string {
  const lines = [product.name, `SKU: ${product.sku}`, `Price: ${price(product.price)}`, stockText(stock)];
  if (variants.length) lines.push(`Options: ${variants.join(", ")}`);
  // Captions end at 1024 characters on Telegram.
  return lines.join("\n").slice(0, 1000);
}

function lineText(line: CartLine): string {
  return `${line.quantity} × ${line.name} (${line.sku}) — ${price(line.price * line.quantity)}`;
}

export function cartText(cart: SelfServiceCart): string {
  if (!cart.lines.length) return "Your cart is empty. Find a product with /products followed by its name or SKU.";
  const total = cart.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  return ["Your cart:", ...cart.lines.map(lineText), `Total before shipping and tax: ${price(total)}`].join("\n");
}

export function cartLinesText(lines: CartLine[]): string {
  return lines.map(lineText).join("; ");
}

export const selfServiceReplies = {
  menu: () => "What would you like to do? You can also write your question and a person will reply.\n\n/products — find a product\n/cart — your cart and checkout link\n/address — change the delivery address of an order that hasn't shipped\n/phone — change your account's phone number\n/cancel — stop what you started",
  needsVerification: () =>
    "I can do that once I know who you are. Send your order number together with its billing email (or postcode), or open the Telegram link from your order confirmation; then try again.",
  unavailable: () => "I can't reach the shop right now. Please try again later, or just write your question and a person will reply.",
  slowDown: () => "That's a lot at once. Please wait a few minutes and try again, or write your question and a person will reply.",
  busy: () => "The shop is busy right now. Please try again in a minute.",
  askSearch: () => "What are you looking for? Send a product name or SKU (at least 3 characters).",
  badSearch: () => "Please send a product name or SKU of 3 to 60 characters.",
  noProducts: (term: string) => `I found nothing for "${term}". Try another word, or just write your question and a person will reply.`,
  found: (term: string, count: number) => `Here ${count === 1 ? "is what I found" : `are ${count} products I found`} for "${term}":`,
  offerGone: () => "That product is no longer in the list I showed you. Search again with /products.",
  askQuantity: (name: string) => `How many of ${name}? Tap a number or send one from 1 to 99.`,
  badQuantity: () => "Please send a number from 1 to 99.",
  cartFull: () => "Your cart is full (10 different products). Get the checkout link first, or empty it.",
  added: (quantity: number, name: string, cart: SelfServiceCart) => `Added ${quantity} × ${name}.\n\n${cartText(cart)}`,
  cartCleared: () => "Your cart is empty now.",
  cartRefused: () => "I couldn't make that cart: a product in it is no longer available in that quantity. Try fewer, or another product.",
  checkout: (lines: CartLine[]) => `${cartText({ offers: [], lines })}\n\nYour cart is ready: tap below to check out (the link works once).`,
  noAddressOrders: () => "None of your orders can have its delivery address changed: only orders that haven't shipped can. Write your question here if you need help.",
  pickOrder: () => "Which order's delivery address would you like to change? Only orders that haven't shipped are listed.",
  orderNotYours: (orderId: number) => `I can only change orders placed with your details. Order #${orderId} isn't one of them.`,
  orderShipped: (orderId: number) => `Order #${orderId} has already shipped, so its delivery address can't be changed any more. Write here if you need help: a person will reply.`,
  orderSplit: (orderId: number) => `Order #${orderId} goes to more than one address, so I can't change it here. Write here what you need and a person will reply.`,
  askAddress: (orderId: number, current: string) =>
    `Order #${orderId} will ship to:\n${current}\n\nSend the new address in one message, one line each:\nStreet and number\nCity\nState or region (leave this line out if there is none)\nPostcode\nCountry\n\nSend /cancel to keep the address.`,
  badAddress: () => "That doesn't look like an address. Send 4 or 5 lines: street, city, state (if any), postcode, country. Or send /cancel.",
  confirmAddress: (orderId: number, before: string, after: string) => `Change the delivery address of order #${orderId}?\n\nFrom:\n${before}\n\nTo:\n${after}`,
  addressChanged: (orderId: number, after: string) => `Done: order #${orderId} will ship to\n${after}`,
  addressRefused: () => "The shop didn't accept that address. Check it and try again with /address, or write here and a person will help.",
  guestPhone: () => "Your orders were placed as a guest, so there is no account phone number to change. Write here if you need help: a person will reply.",
  askPhone: (current: string | null) => `Your account's phone number is ${current ? current : "not set"}. Send the new number (for example +1 512 555 0100), or /cancel.`,
  badPhone: () => "That doesn't look like a phone number. Send 6 to 15 digits, with + and spaces if you like, or /cancel.",
  confirmPhone: (before: string | null, after: string) => `Change your account's phone number?\n\nFrom: ${before || "not set"}\nTo: ${after}`,
  phoneChanged: (after: string) => `Done: your account's phone number is now ${after}.`,
  phoneRefused: () => "The shop didn't accept that phone number. Check it and try again with /phone, or write here and a person will help.",
  nothingPending: () => "There is nothing waiting for your answer. Send /menu to see what I can do.",
  cancelled: () => "OK, stopped. Nothing was changed.",
};
