import { expect, test } from "@playwright/test";
import { PEOPLE } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload, openInbox, showView } from "./support/inbox-page.ts";
import { samplePhoto } from "./support/sample-photo.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { introduce, openOrderTicket, orderAndWrite, unique } from "./support/telegram-customer.ts";

// The inbox wired to the outside world: orders come from the BigCommerce emulator's webhooks,
// customers write through the Telegram emulator, and replies go back out through Tern's outbox.
// Tern runs unchanged; only its BigCommerce and Telegram base URLs point at the emulators.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

test("(1) an order webhook puts a watched ticket in the inbox live; the customer's message makes it work; the shipment template reaches the Telegram customer filled in", async ({ browser }, testInfo) => {
  const page = await openInbox(browser, PEOPLE.ada.email);
  await showView(page, "Watching");
  const { order, customer, message } = orderAndWrite(world, "Carol", "Hi! Where is my terrarium? It has been a week.");

  // BigCommerce → webhook → Tern → socket.io → this page, no reload. Nobody has asked about the
  // order yet: it is watched, not work.
  const row = page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByTestId("queue-item-watched")).toBeVisible();
  await expectNoReload(page);

  // The customer writes on Telegram about the order: it is work, in Open.
  await showView(page, "Open");
  await introduce(customer, order, message);
  await openOrderTicket(page, order.id);
  await expect(page.getByTestId("message-inbound").filter({ hasText: "Where is my terrarium?" })).toBeVisible({ timeout: 15_000 });

  // The sidebar shows the order from its snapshot; the shipment BigCommerce adds later comes in on Refresh.
  const details = page.getByTestId("order-details");
  await expect(details).toContainText(`Order #${order.id}`);
  await expect(details).toContainText("SKU OTS-L");
  await expect(details).toContainText("SKU MOSS-3");
  await expect(details).toContainText("Not shipped yet.");
  world.shop.addShipment(order.id, { trackingNumber: "1Z999AA10123456784", carrier: "ups", method: "UPS Ground" }, { silent: true });
  await page.getByRole("button", { name: "Refresh the order from BigCommerce" }).click();
  await expect(details.getByTestId("shipment")).toContainText("1Z999AA10123456784");
  await expect(details.getByRole("link", { name: /Track parcel/ })).toHaveAttribute("href", /ups\.com/);

  await page.getByRole("button", { name: "Templates" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert a template" });
  await dialog.getByRole("button", { name: /^Shipment update/ }).click();
  const preview = dialog.getByTestId("template-preview");
  await expect(preview).toContainText(`regarding order #${order.id}`);
  await expect(preview).toContainText("https://www.ups.com/track?tracknum=1Z999AA10123456784");
  const filled = (await preview.textContent())!;
  expect(filled).not.toMatch(/\[[a-z_]+\]/);
  await saveScreenshot(page, testInfo, "template-preview");
  await dialog.getByRole("button", { name: "Insert into reply" }).click();
  await expect(page.getByTestId("composer")).toHaveValue(filled);

  const before = customer.received().length;
  await page.getByRole("button", { name: "Send reply" }).click();
  const sent = page.getByTestId("message-outbound").filter({ hasText: `regarding order #${order.id}` });
  await expect(sent.getByTestId("delivery-status")).toHaveAttribute("data-status", "SENT", { timeout: 20_000 });
  await expect.poll(() => customer.received().slice(before).map((received) => received.text)).toContain(filled);
  await expectNoReload(page);
  await page.context().close();
});

test("(4) an internal note never reaches Telegram, while the reply after it does", async ({ browser }) => {
  const page = await openInbox(browser, PEOPLE.ben.email);
  const { order, customer, message } = orderAndWrite(world, "Dmitri", "The moss pack was missing from the box.");
  await introduce(customer, order, message);
  await openOrderTicket(page, order.id);
  await expect(page.getByTestId("message-inbound").filter({ hasText: "moss pack was missing" })).toBeVisible({ timeout: 15_000 });
  const seen = customer.received().length;

  await page.keyboard.press("n");
  await page.keyboard.type("Warehouse says the moss shipped separately. Do not promise a refund yet.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("message-note").filter({ hasText: "Do not promise a refund" })).toBeVisible();

  // Esc leaves the composer, so the next key is a shortcut again.
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  await expect(page.getByRole("tab", { name: /^Reply/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.type("Sorry about that! The moss pack ships separately and should arrive in two days.");
  await page.keyboard.press("Control+Enter");
  const reply = page.getByTestId("message-outbound").filter({ hasText: "ships separately" });
  await expect(reply.getByTestId("delivery-status")).toHaveAttribute("data-status", "SENT", { timeout: 20_000 });

  // The outbox sends in order: once the later reply is out, anything queued before it would be too.
  const texts = customer.received().slice(seen).map((received) => received.text ?? "");
  expect(texts).toContain("Sorry about that! The moss pack ships separately and should arrive in two days.");
  expect(texts.some((text) => text.includes("Do not promise a refund"))).toBe(false);
  expect(world.bot.calls().some((call) => JSON.stringify(call.params).includes("Do not promise a refund"))).toBe(false);
  await page.context().close();
});

test("settings: a template with an unknown variable is refused on save; an article for the order's SKU is suggested on the ticket and inserted in one click", async ({ browser }) => {
  const settings = await openInbox(browser, PEOPLE.supervisor.email, "/settings/templates");
  await settings.getByRole("button", { name: "New" }).click();
  const name = `Return label ${unique()}`;
  await settings.getByLabel("Name").fill(name);
  await settings.getByLabel("Message").fill("Your return label for order [order_number] is attached.");
  await expect(settings.getByRole("alert").filter({ hasText: "[order_number] is not a variable Tern knows" })).toBeVisible();
  await settings.getByRole("button", { name: "Create template" }).click();
  await expect(settings.getByRole("alert").filter({ hasText: "Unknown variable [order_number]. Use only:" })).toBeVisible();
  await settings.getByLabel("Message").fill("Your return label for order [order_id] is attached.");
  await expect(settings.getByTestId("settings-template-preview")).toHaveText("Your return label for order 1042 is attached.");
  await settings.getByRole("button", { name: "Create template" }).click();
  await expect(settings.getByRole("heading", { name: "Edit template" })).toBeVisible();
  await expect(settings.getByRole("list", { name: "Templates" })).toContainText(name);

  const title = `Caring for your Orbit Terrarium ${unique()}`;
  await settings.goto("/settings/knowledge-base");
  await settings.getByRole("button", { name: "New" }).click();
  await settings.getByLabel("Title").fill(title);
  await settings.getByRole("textbox", { name: /^Article/ }).fill("Mist the moss twice a week and keep the terrarium out of direct sun.");
  await settings.getByLabel("SKUs").fill("OTS-L");
  await settings.getByLabel("SKUs").press("Enter");
  await settings.getByRole("button", { name: "Create article" }).click();
  await expect(settings.getByRole("heading", { name: "Edit article" })).toBeVisible();
  await settings.context().close();

  const page = await openInbox(browser, PEOPLE.ada.email);
  const { order, customer, message } = orderAndWrite(world, "Priya", "How do I look after the moss?");
  await introduce(customer, order, message);
  await openOrderTicket(page, order.id);
  await page.getByRole("tab", { name: /Knowledge/ }).click();
  const article = page.getByTestId("kb-article").filter({ hasText: title });
  await expect(article).toContainText("SKU OTS-L");
  await article.getByRole("button", { name: `Insert “${title}” into the reply` }).click();
  await expect(page.getByTestId("composer")).toHaveValue("Mist the moss twice a week and keep the terrarium out of direct sun.");
  await page.context().close();
});

test("screenshots: a Telegram conversation with its order, at laptop widths", async ({ browser }, testInfo) => {
  const { order, customer, message } = orderAndWrite(world, "Olivia", "Hi, the terrarium arrived but the glass is cracked 😞");
  await introduce(customer, order, message);
  customer.sendPhoto({ caption: "Here is the crack", bytes: samplePhoto() });
  world.shop.addShipment(order.id, { trackingNumber: "1Z999AA10123456785", carrier: "ups", method: "UPS Ground" }, { silent: true });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    const page = await openInbox(browser, PEOPLE.ada.email, "/inbox", viewport);
    await openOrderTicket(page, order.id);
    await expect(page.getByTestId("message-inbound").filter({ hasText: "glass is cracked" })).toBeVisible({ timeout: 15_000 });
    await page.getByRole("button", { name: "Refresh the order from BigCommerce" }).click();
    await expect(page.getByTestId("shipment")).toBeVisible();
    // The photo comes through Tern's attachment proxy from the emulated Bot API.
    const photo = page.getByRole("img", { name: /^Photo:/ });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(240);
    await saveScreenshot(page, testInfo, `ticket-${viewport.width}x${viewport.height}`);
    await page.context().close();
  }
});
