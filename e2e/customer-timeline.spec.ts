import { expect, test, type Page } from "@playwright/test";
import { PEOPLE, signInBrowser } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { postMessage } from "./support/inbox-api.ts";
import { openInbox } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { openOrderTicket, unique } from "./support/telegram-customer.ts";

// A customer's timeline (seed 002, Kustomer): a BigCommerce customer orders twice, in two
// currencies, writes at checkout (with markup that must stay text) and gets a shipment; an agent
// adds an internal note. The agent finds the customer from the inbox search and from the order
// sidebar, reads one timeline of it all with the insight card, filters it, and the page fits a phone.

const HOSTILE = `<img src=x onerror="window.ternXss=1">Please leave it at the door`;

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

async function expectTimelineOf(page: Page, name: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByTestId("timeline-entry").first()).toBeVisible();
}

test("an agent opens a customer's timeline from the search and from the order sidebar", async ({ browser }, testInfo) => {
  const lastName = `Lindqvist${unique()}`;
  const buyer = world.shop.createCustomer({ email: `nora-${unique()}@example.com`, firstName: "Nora", lastName });
  const first = world.shop.createOrder({
    customerId: buyer.id,
    currency: "USD",
    products: [{ name: "Orbit Terrarium, large", sku: "OTS-L", price: 39.9, quantity: 2 }],
    customerMessage: HOSTILE,
  });
  world.shop.createOrder({ customerId: buyer.id, currency: "EUR", products: [{ name: "Moss refill pack", sku: "MOSS-3", price: 12.5 }], customerMessage: "Gift wrap, please" });

  const ada = await openInbox(browser, PEOPLE.ada.email);
  let dialogs = 0;
  ada.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await openOrderTicket(ada, first.id);
  const ticketId = new URL(ada.url()).searchParams.get("ticket")!;
  world.shop.addShipment(first.id, { trackingNumber: "1Z999AA10123456784", carrier: "ups" });
  await postMessage(ada.context().request, ticketId, "note", "Called her: <b>happy</b> to wait");

  // The sidebar's insight card: each currency on its own line, and where the figures come from.
  const sidebar = ada.getByRole("complementary", { name: "Order and knowledge base" });
  const card = sidebar.getByTestId("insight-card");
  await expect(card.getByTestId("insight-ltv")).toContainText("$79.80", { timeout: 20_000 });
  await expect(card.getByTestId("insight-ltv")).toContainText("€12.50");
  await expect(card.getByTestId("insight-orders")).toHaveText(/2/);
  await expect(card.getByTestId("insight-source")).toContainText("From the 2 orders Tern has seen");

  // From the search: the customer is offered beside the tickets.
  const search = ada.getByRole("searchbox", { name: "Search tickets and messages" });
  await search.fill(lastName);
  await search.press("Enter");
  await ada.getByRole("navigation", { name: "Matching customers" }).getByRole("link", { name: new RegExp(lastName) }).click();
  await expect(ada).toHaveURL(/\/inbox\/customers\/[0-9a-f-]{36}$/);
  await expectTimelineOf(ada, `Nora ${lastName}`);

  const entries = ada.getByTestId("timeline-entry");
  await expect(entries.filter({ hasText: `Order #${first.id} placed` })).toBeVisible();
  await expect(entries.filter({ hasText: "€12.50" })).toBeVisible();
  await expect(entries.and(ada.locator("[data-kind=shipment]"))).toContainText("1Z999AA10123456784", { timeout: 20_000 });
  // The customer's words as text: the markup shows, nothing of it runs.
  await expect(entries.filter({ hasText: HOSTILE })).toBeVisible();
  expect(await ada.evaluate(() => (window as unknown as { ternXss?: number }).ternXss)).toBeUndefined();
  expect(await ada.locator("[data-testid=timeline-text] img").count()).toBe(0);
  const note = entries.filter({ hasText: "Called her: <b>happy</b> to wait" });
  await expect(note.getByTestId("internal-badge")).toHaveText(/Internal/);
  await saveScreenshot(ada, testInfo, "customer-timeline");

  // Newest first: the shipment (last to happen) above the first order.
  const kinds = await entries.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
  expect(kinds.indexOf("shipment")).toBeLessThan(kinds.lastIndexOf("order"));

  // Filtered to orders: only orders and their news.
  const ordersFilter = ada.getByRole("group", { name: "Show" }).getByRole("button", { name: "Orders" });
  await ordersFilter.click();
  await expect(ordersFilter).toHaveAttribute("aria-pressed", "true");
  const orderNews = new Set(["order", "order_status", "shipment", "refund", "return"]);
  await expect
    .poll(async () => {
      const shown = await entries.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind") ?? ""));
      return { some: shown.length >= 3, onlyOrders: shown.every((kind) => orderNews.has(kind)) };
    })
    .toEqual({ some: true, onlyOrders: true });
  await expect(entries.filter({ hasText: HOSTILE })).toHaveCount(0);

  // From the order sidebar: the customer section links to the same page.
  await ada.goto(`/inbox?ticket=${ticketId}`);
  await sidebar.getByRole("link", { name: "Timeline" }).click();
  await expectTimelineOf(ada, `Nora ${lastName}`);
  const customerUrl = ada.url();
  expect(dialogs).toBe(0);

  // On a phone the page fits the screen: nothing scrolls sideways.
  const phone = await (await signInBrowser(await browser.newContext({ viewport: { width: 375, height: 812 } }), PEOPLE.ada.email)).newPage();
  await phone.goto(new URL(customerUrl).pathname);
  await expectTimelineOf(phone, `Nora ${lastName}`);
  await expect(phone.getByTestId("insight-card")).toBeVisible();
  expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
  await saveScreenshot(phone, testInfo, "customer-timeline-phone");
  // The order pane on a phone keeps the card and the link, within the screen.
  await phone.goto(`/inbox?ticket=${ticketId}&pane=order`);
  const phoneSidebar = phone.getByRole("complementary", { name: "Order and knowledge base" });
  await expect(phoneSidebar.getByTestId("insight-card")).toBeVisible();
  await expect(phoneSidebar.getByRole("link", { name: "Timeline" })).toBeVisible();
  expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
});
