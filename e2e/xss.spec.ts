import { expect, test, type Dialog, type Page } from "@playwright/test";
import { createTicket } from "./support/inbox-api.ts";
import { PEOPLE, signIn } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { openInbox, showView } from "./support/inbox-page.ts";
import { nextReply } from "./support/telegram-customer.ts";

// Customer-controlled text is shown to agents as text, never run: script-shaped payloads arrive
// through the real paths (a Telegram customer's name, username, messages and file names; a
// BigCommerce order's customer, products, notes and tracking link, by webhook) and a supervisor's
// KB article and template, and an agent opens the inbox, the ticket, the order sidebar, the KB
// panel, the template picker and search results. A payload that ran would set window.__xss,
// open a dialog or leave an element or attribute in the DOM that React never writes.

let world: E2eWorld;
let nextChat = 8_000_000 + Math.floor(Math.random() * 100_000) * 10;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

const MARK = `xss${Math.random().toString(36).slice(2, 7)}`;
const PAYLOADS = {
  img: `<img src=x onerror="window.__xss=1;alert(1)">`,
  script: `<script>window.__xss=1;alert(2)</script>`,
  svg: `"><svg onload="window.__xss=1;alert(3)">`,
  javascriptUrl: "javascript:window.__xss=1;alert(4)",
  markdown: "[click me](javascript:window.__xss=1) ![x](x\" onerror=\"window.__xss=1)",
  iframe: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
} as const;
const ALL = Object.values(PAYLOADS).join(" ");

/** What a payload that ran, or was parsed as markup, would leave behind. */
async function expectNothingRan(page: Page, dialogs: Dialog[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs.map((dialog) => dialog.message())).toEqual([]);
  const injected = await page.evaluate(() => ({
    // React never writes inline handler attributes: any in the DOM came from parsed input.
    handlers: [...document.querySelectorAll("*")].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name))).map((element) => element.outerHTML.slice(0, 120)),
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: [...document.querySelectorAll("svg")].filter((svg) => svg.hasAttribute("onload")).length,
    iframes: document.querySelectorAll("iframe[srcdoc]").length,
    scripts: [...document.querySelectorAll("script")].filter((script) => script.textContent?.includes("__xss")).length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].map((link) => link.getAttribute("href")!).filter((href) => /^\s*javascript:/i.test(href)),
  }));
  expect(injected).toEqual({ handlers: [], images: 0, svgs: 0, iframes: 0, scripts: 0, javascriptLinks: [] });
}

function watchDialogs(page: Page): Dialog[] {
  const dialogs: Dialog[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog);
    void dialog.dismiss();
  });
  return dialogs;
}

test("customer-controlled text from Telegram and BigCommerce shows as text in the inbox, ticket, sidebar and search; nothing runs", async ({ browser }) => {
  // BigCommerce: the order's customer, products, notes and a javascript: tracking link.
  const order = world.shop.createOrder({
    guest: { email: `${MARK}@example.com`, firstName: `Eve ${PAYLOADS.img}`, lastName: `${PAYLOADS.svg} ${MARK}` },
    products: [{ name: `Terrarium ${PAYLOADS.script}`, sku: `XSS-${MARK}`, price: 12.5, quantity: 1 }],
    customerMessage: `Leave it by the door ${PAYLOADS.markdown} ${PAYLOADS.javascriptUrl}`,
    address: { street_1: PAYLOADS.iframe, city: PAYLOADS.img },
  });

  // Telegram: the customer's name and username, a message full of payloads, and files with script-shaped names.
  const customer = world.bot.customer(++nextChat, { firstName: `Mallory ${PAYLOADS.img}`, username: `mal_${MARK}"><svg onload=alert(5)>` });
  customer.sendCommand("start");
  expect(await nextReply(customer, 0)).toContain("What can we help you with?");
  customer.pressButton("intake:reason:where");
  expect(await nextReply(customer, 1)).toContain("Please send your order number");
  customer.sendText(`${order.id} ${MARK}@example.com`);
  expect(await nextReply(customer, 2)).toContain("#");
  customer.sendText(`${MARK} where is it? ${ALL}`);
  customer.sendDocument({ fileName: `${PAYLOADS.img}.pdf`, mimeType: "application/pdf" });
  customer.sendDocument({ fileName: `invoice-${MARK}.html`, mimeType: "text/html", bytes: Buffer.from(`<html><body>${PAYLOADS.script}</body></html>`) });
  world.shop.addShipment(order.id, { trackingNumber: `1Z${MARK}`, carrier: "ups", trackingLink: PAYLOADS.javascriptUrl }, { silent: true });

  const page = await openInbox(browser, PEOPLE.ada.email);
  const dialogs = watchDialogs(page);
  const row = page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();

  const thread = page.getByTestId("message-inbound").filter({ hasText: `${MARK} where is it?` });
  await expect(thread).toBeVisible({ timeout: 15_000 });
  // Shown literally, every character of it.
  await expect(thread).toContainText(ALL);
  await expect(page.getByText(`${PAYLOADS.img}.pdf`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`invoice-${MARK}.html`)).toBeVisible();

  const details = page.getByTestId("order-details");
  await page.getByRole("button", { name: "Refresh the order from BigCommerce" }).click();
  await expect(details.getByTestId("shipment")).toContainText(`1Z${MARK}`);
  await expect(details).toContainText(`Terrarium ${PAYLOADS.script}`);
  await expect(details).toContainText(`Leave it by the door ${PAYLOADS.markdown} ${PAYLOADS.javascriptUrl}`);
  await expect(page.getByText(`Eve ${PAYLOADS.img}`).first()).toBeVisible();
  await expectNothingRan(page, dialogs);

  // The customer's HTML file is handed out as an opaque, sandboxed download, never as a page of Tern's origin.
  const html = page.getByRole("link", { name: new RegExp(`invoice-${MARK}`) });
  const file = await page.request.get((await html.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/octet-stream");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(file.headers()["content-security-policy"]).toContain("sandbox");

  // Search results: the ticket found by the customer's words, the payload still text.
  await page.getByLabel("Search tickets and messages").fill(MARK);
  await expect(page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first()).toBeVisible({ timeout: 15_000 });
  await expectNothingRan(page, dialogs);

  // The shipment's javascript: tracking link is dropped: the parcel link is the carrier's own, built from the number.
  await expect(details.getByRole("link", { name: /Track parcel/ })).toHaveAttribute("href", /^https:\/\/www\.ups\.com\//);
  await page.context().close();
});

test("a Telegram customer with no order: the name, username and first message become the ticket, shown as text", async ({ browser }) => {
  const customer = world.bot.customer(++nextChat, { firstName: `${PAYLOADS.script}${MARK}`, username: `u_${MARK}` });
  customer.sendCommand("start");
  expect(await nextReply(customer, 0)).toContain("What can we help you with?");
  customer.sendText(`${PAYLOADS.svg} first words ${MARK}`);
  expect(await nextReply(customer, 1)).toContain("tap below");
  customer.pressButton("intake:skip");

  const page = await openInbox(browser, PEOPLE.ben.email);
  const dialogs = watchDialogs(page);
  // The subject is the customer's first message: the queue row shows it as text.
  const row = page.getByTestId("queue-item").filter({ hasText: `first words ${MARK}` }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(`${PAYLOADS.svg} first words ${MARK}`);
  await row.click();
  await expect(page.getByTestId("message-inbound").filter({ hasText: `first words ${MARK}` })).toContainText(PAYLOADS.svg);
  await expect(page.getByText(`${PAYLOADS.script}${MARK}`).first()).toBeVisible();
  await expectNothingRan(page, dialogs);
  await page.context().close();
});

test("a supervisor's KB article and template, an agent's reply and a manual ticket with payloads show as text", async ({ browser, playwright, baseURL }) => {
  const supervisor = await playwright.request.newContext({ baseURL });
  await signIn(supervisor, PEOPLE.supervisor.email);
  const sku = `XSS-KB-${MARK}`;
  const article = await supervisor.post("/api/v1/kb-articles", { data: { title: `Care ${MARK} ${PAYLOADS.img}`, body: `Mist twice ${PAYLOADS.markdown} ${PAYLOADS.script}`, skus: [sku] } });
  expect(article.status(), await article.text()).toBe(201);
  const template = await supervisor.post("/api/v1/templates", { data: { name: `Tpl ${MARK} ${PAYLOADS.svg}`, body: `Hello [ticket_number] ${PAYLOADS.iframe} ${PAYLOADS.javascriptUrl}` } });
  expect(template.status(), await template.text()).toBe(201);
  const ticket = await createTicket(supervisor, { subject: `Manual ${MARK} ${PAYLOADS.img}`, body: `Body ${PAYLOADS.script}`, tags: [`t${MARK}`], customer: { name: `Cust ${PAYLOADS.svg}`, email: `manual-${MARK}@example.com` } });
  await supervisor.dispose();

  // A ticket for the article's SKU, so the KB panel suggests it.
  const order = world.shop.createOrder({ guest: { email: `kb-${MARK}@example.com`, firstName: "Kim", lastName: "B" }, products: [{ name: "Moss", sku, price: 5 }] });

  const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${ticket.id}`);
  const dialogs = watchDialogs(page);
  await expect(page.getByText(`Manual ${MARK} ${PAYLOADS.img}`).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`Body ${PAYLOADS.script}`)).toBeVisible();

  await page.getByRole("button", { name: "Templates" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert a template" });
  await dialog.getByRole("button", { name: new RegExp(`^Tpl ${MARK}`) }).click();
  await expect(dialog.getByTestId("template-preview")).toContainText(`${PAYLOADS.iframe} ${PAYLOADS.javascriptUrl}`);
  await expectNothingRan(page, dialogs);
  await dialog.getByRole("button", { name: "Insert into reply" }).click();
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("message-outbound").filter({ hasText: PAYLOADS.iframe })).toBeVisible();
  await expectNothingRan(page, dialogs);

  // Nobody has asked about this order yet: its ticket is watched, listed under All and Watching.
  await showView(page, "All");
  const row = page.getByTestId("queue-item").filter({ hasText: `#${order.id}` }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await page.getByRole("tab", { name: /Knowledge/ }).click();
  const suggested = page.getByTestId("kb-article").filter({ hasText: `Care ${MARK}` });
  await expect(suggested).toContainText(`Care ${MARK} ${PAYLOADS.img}`);
  await expect(suggested).toContainText(`Mist twice ${PAYLOADS.markdown}`);
  await expectNothingRan(page, dialogs);
  await page.context().close();

  // The supervisor's own settings pages render the same text.
  const settings = await openInbox(browser, PEOPLE.supervisor.email, "/settings/knowledge-base");
  const settingsDialogs = watchDialogs(settings);
  await expect(settings.getByText(`Care ${MARK} ${PAYLOADS.img}`).first()).toBeVisible();
  await settings.goto("/settings/templates");
  await expect(settings.getByText(`Tpl ${MARK} ${PAYLOADS.svg}`).first()).toBeVisible();
  await expectNothingRan(settings, settingsDialogs);
  await settings.context().close();
});
