import { expect, test } from "@playwright/test";
import { PEOPLE, signInBrowser } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload, openInbox, showView } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { nextReply, openOrderTicket, orderAndWrite } from "./support/telegram-customer.ts";

// Who a Telegram chat is must be proved: the order's signed link, or its number with its billing
// email. A stranger with someone's order number reaches a person but learns nothing of the order.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

test("a customer opens the order's signed link and lands verified in that order's ticket", async ({ browser }, testInfo) => {
  const { order, customer } = orderAndWrite(world, "Hana", "");
  // The admin makes the order's link (as for a packing slip), with its QR code.
  const admin = await (await signInBrowser(await browser.newContext(), "admin@tern.example")).newPage();
  await admin.goto("/admin/telegram");
  const panel = admin.getByTestId("chat-link-panel");
  await expect(panel.getByTestId("chat-link-snippet")).toHaveValue(/\/api\/telegram\/chat-link\?store=.*&order=%%ORDER_ID%%/);
  await panel.getByLabel("Link for one order").fill(String(order.id));
  await panel.getByRole("button", { name: "Make link and QR code" }).click();
  const result = panel.getByTestId("chat-link-result");
  await expect(result.getByRole("img", { name: /QR code/ })).toBeVisible();
  await saveScreenshot(admin, testInfo, "chat-link-panel");
  const url = await result.getByLabel("Signed link").inputValue();
  const token = new URL(url).searchParams.get("start")!;
  expect(url).toMatch(/^https:\/\/t\.me\/tern_e2e_bot\?start=[A-Za-z0-9_-]{42}$/);
  await admin.context().close();

  const page = await openInbox(browser, PEOPLE.ada.email);
  await showView(page, "All");
  await expect(page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first()).toBeVisible({ timeout: 20_000 });
  // Telegram turns the tap into "/start <token>" from the customer's chat.
  customer.sendCommand("start", token);
  expect(await nextReply(customer, 0)).toContain(`You're connected to order #${order.id}`);
  customer.sendText("Can I add a second moss pack to this order?");
  await openOrderTicket(page, order.id);
  await expect(page.getByTestId("message-inbound").filter({ hasText: "second moss pack" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("order-details")).toContainText(`Order #${order.id}`);
  await expect(page.getByTestId("unverified-chat")).toHaveCount(0);
  await expectNoReload(page);
  await page.context().close();
});

test("a stranger who types someone's order number gets neutral replies and an Unverified conversation; an agent verifies a chat by hand", async ({ browser }, testInfo) => {
  const { order } = orderAndWrite(world, "Lena", "");
  world.shop.addShipment(order.id, { trackingNumber: "1ZSECRETTRACK", carrier: "ups" }, { silent: true });
  const page = await openInbox(browser, PEOPLE.ada.email);
  await showView(page, "All");
  await expect(page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first()).toBeVisible({ timeout: 20_000 });

  const stranger = world.bot.customer(9_100_000 + Math.floor(Math.random() * 100_000), { firstName: "Mallory" });
  stranger.sendCommand("start");
  await nextReply(stranger, 0);
  stranger.sendText(String(order.id));
  expect(await nextReply(stranger, 1)).toBe("Thanks. To keep orders private, please also send the billing email address (or billing postcode) of that order.");
  stranger.sendText("lena@example.org");
  await expect.poll(() => stranger.received().some((sent) => sent.text?.includes("don't match an order I can look at")), { timeout: 15_000 }).toBe(true);
  const question = `Where is my parcel? ${Math.random().toString(36).slice(2, 8)}`;
  stranger.sendText(question);
  stranger.sendCommand("status", String(order.id));

  const row = page.getByTestId("queue-item").filter({ hasText: String(order.id) }).filter({ has: page.getByTestId("queue-item-unverified") });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await expect(page.getByTestId("message-inbound").filter({ hasText: question })).toBeVisible({ timeout: 15_000 });
  const unverified = page.getByTestId("unverified-chat");
  await expect(unverified).toContainText("Unverified Telegram chat");
  await expect(page.getByTestId("order-details")).toHaveCount(0);
  await saveScreenshot(page, testInfo, "unverified-conversation");

  // Nothing of Lena's order ever reached the stranger's chat.
  await expect.poll(() => stranger.received().some((sent) => sent.text?.includes("First send your order number")), { timeout: 15_000 }).toBe(true);
  const everything = stranger.received().map((sent) => sent.text ?? "").join("\n");
  for (const secret of ["Lena", "Jones", "1ZSECRETTRACK", "Terrarium", "Moss", order.billing_address.email!]) expect(everything).not.toContain(secret);

  // The agent satisfied themselves by other means (this is the test's stand-in): Verify and link, audited.
  await unverified.getByLabel("Order number").fill(String(order.id));
  await unverified.getByRole("button", { name: "Verify and link" }).click();
  await expect(page.getByTestId("order-details")).toContainText(`Order #${order.id}`, { timeout: 15_000 });
  await expect(page.getByText("Ada Agent verified this Telegram chat by hand and linked it to order").first()).toBeVisible({ timeout: 15_000 });
  await expect(row).toHaveCount(0);
  await expect.poll(() => stranger.received().at(-1)?.text ?? "", { timeout: 15_000 }).toContain(`You're connected to order #${order.id}`);
  await expectNoReload(page);
  await page.context().close();
});
