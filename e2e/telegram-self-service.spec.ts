import { expect, test } from "@playwright/test";
import type { EmulatedCustomer } from "@/lib/emulators/telegram/emulated-users.ts";
import { PEOPLE } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload, openInbox, showView } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { introduce, openOrderTicket, orderAndWrite } from "./support/telegram-customer.ts";

// Self-service on Telegram: a verified customer finds a product, gets a checkout link for a cart
// with it, and changes the delivery address of an order that has not shipped, without a person;
// the agent sees each step in the conversation's thread.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

/** Waits until the bot's latest words to the customer (text or caption) contain `words`. */
async function botSays(customer: EmulatedCustomer, words: string): Promise<void> {
  await expect.poll(() => customer.received().some((sent) => (sent.text ?? sent.caption ?? "").includes(words)), { timeout: 15_000 }).toBe(true);
}

test("a Telegram customer finds a product, gets a checkout link for a cart with it, and changes the address of an unshipped order", async ({ browser }, testInfo) => {
  const { order, customer } = orderAndWrite(world, "Iris", "");
  const page = await openInbox(browser, PEOPLE.ada.email);
  await showView(page, "All");
  await expect(page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first()).toBeVisible({ timeout: 20_000 });
  await introduce(customer, order, "Hello! Two quick things.");

  // The menu, then a search by name: each product with its picture, price and stock.
  customer.sendCommand("menu");
  await botSays(customer, "/products");
  customer.pressButton("🔎 Find a product");
  await botSays(customer, "Send a product name or SKU");
  customer.sendText("terrarium");
  await botSays(customer, "Orbit Terrarium, large\nSKU: OTS-L\nPrice: 39.90\nIn stock: 14");
  const card = customer.received().find((sent) => sent.caption?.startsWith("Orbit Terrarium, large"))!;
  expect(card.method).toBe("sendPhoto");
  expect(card.photoUrl).toMatch(/\/images\/\d+\.svg$/);

  // Into the cart, two of them, and the checkout link of a cart BigCommerce made.
  customer.pressButton("🛒 Add to cart");
  await botSays(customer, "How many of Orbit Terrarium, large?");
  customer.pressButton("2");
  await botSays(customer, "Added 2 × Orbit Terrarium, large.");
  customer.pressButton("✅ Get checkout link");
  await botSays(customer, "Your cart is ready");
  const checkoutUrl = customer.received().at(-1)?.replyMarkup?.inline_keyboard[0]?.[0]?.url ?? "";
  expect(checkoutUrl).toMatch(/\/cart\.php\?action=loadInCheckout&id=[0-9a-f-]{36}&token=/);
  const cart = world.shop.catalog.carts.get(new URL(checkoutUrl).searchParams.get("id")!)!;
  expect(cart.line_items.physical_items.map((item) => [item.sku, item.quantity])).toEqual([["OTS-L", 2]]);

  // The order has not shipped: its address can change, after old and new are shown.
  customer.sendCommand("address");
  await botSays(customer, "Which order's delivery address");
  customer.pressButton(`Order #${order.id}`);
  await botSays(customer, `Order #${order.id} will ship to:\n12 Harbour Road`);
  customer.sendText("5 Quay Street\nBristol\nBS1 4DJ\nUnited Kingdom");
  await botSays(customer, `Change the delivery address of order #${order.id}?`);
  expect(world.shop.shippingAddresses.get(order.id)![0]!.street_1).toBe("12 Harbour Road");
  customer.pressButton("✅ Yes, change it");
  await botSays(customer, `Done: order #${order.id} will ship to`);
  expect(world.shop.shippingAddresses.get(order.id)![0]).toMatchObject({ street_1: "5 Quay Street", city: "Bristol", zip: "BS1 4DJ", country: "United Kingdom" });

  // The agent sees each self-service step in the conversation, live.
  await openOrderTicket(page, order.id);
  const activity = page.getByTestId("message-activity");
  await expect(activity.filter({ hasText: 'Self-service: the customer searched the catalog for "terrarium"' })).toBeVisible({ timeout: 15_000 });
  await expect(activity.filter({ hasText: "Self-service: the customer got a checkout link for a cart of 2 × Orbit Terrarium, large (OTS-L)" })).toBeVisible({ timeout: 15_000 });
  await expect(activity.filter({ hasText: `Self-service: the customer changed the shipping address of order #${order.id}` })).toContainText("5 Quay Street, BS1 4DJ Bristol, United Kingdom", { timeout: 15_000 });
  await saveScreenshot(page, testInfo, "telegram-self-service-thread");
  await expectNoReload(page);
  await page.context().close();
});
