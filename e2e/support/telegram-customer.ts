import { expect, type Page } from "@playwright/test";
import type { BigcommerceOrder } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { EmulatedCustomer } from "@/lib/emulators/telegram/emulated-users.ts";
import type { E2eWorld } from "./emulators.ts";

let nextChat = 7_000_000 + Math.floor(Math.random() * 100_000) * 10;

export const unique = () => Math.random().toString(36).slice(2, 8);

/** Waits until the bot has said something new to the customer, and returns it. */
export async function nextReply(customer: EmulatedCustomer, seen: number): Promise<string> {
  await expect.poll(() => customer.received().length, { timeout: 15_000 }).toBeGreaterThan(seen);
  return customer.received().at(-1)?.text ?? "";
}

/** A customer who orders in the shop (BigCommerce sends its webhooks) and has a Telegram chat with the store's bot. */
export function orderAndWrite(world: E2eWorld, firstName: string, message: string) {
  const email = `${firstName.toLowerCase()}-${unique()}@example.com`;
  const order = world.shop.createOrder({
    guest: { email, firstName, lastName: "Jones" },
    products: [
      { name: "Orbit Terrarium, large", sku: "OTS-L", price: 39.9, quantity: 1 },
      { name: "Moss refill pack", sku: "MOSS-3", price: 9.95, quantity: 2 },
    ],
    shippingCost: 6.5,
  });
  const customer = world.bot.customer(++nextChat, { firstName });
  return { order, customer, email, message };
}

/** The bot's intake: the customer proves the order (its number and billing email), then writes `message`. */
export async function introduce(customer: EmulatedCustomer, order: BigcommerceOrder, message: string): Promise<void> {
  customer.sendCommand("start");
  expect(await nextReply(customer, 0)).toContain("What can we help you with?");
  customer.pressButton("intake:reason:where");
  expect(await nextReply(customer, 1)).toContain("Please send your order number");
  customer.sendText(`${order.id} ${order.billing_address.email}`);
  expect(await nextReply(customer, 2)).toContain(`#`);
  customer.sendText(message);
}

export async function openOrderTicket(page: Page, orderId: number): Promise<void> {
  const row = page.getByTestId("queue-item").filter({ hasText: `#${orderId}` }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
}
