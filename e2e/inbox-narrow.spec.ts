import { expect, test, type Locator, type Page } from "@playwright/test";
import { PEOPLE, signIn } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { createTicket } from "./support/inbox-api.ts";
import { openInbox } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { introduce, openOrderTicket, orderAndWrite, unique } from "./support/telegram-customer.ts";

// The inbox on a phone (375 × 812) and a tablet (768 × 1024): the panes take turns where they do not
// fit side by side, each with a way back, and nothing is wider than the screen. The ticket is a real
// one (a BigCommerce order, a Telegram customer), so the order pane and the template hold real data.

const PHONE = { width: 375, height: 812 };
const TABLET = { width: 768, height: 1024 };

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

function panes(page: Page, ticketNumber?: number) {
  return {
    queue: page.getByRole("region", { name: "Queue" }),
    ticket: page.getByRole("region", { name: ticketNumber ? `Ticket #${ticketNumber}` : /^Ticket #/ }),
    order: page.getByRole("complementary", { name: "Order and knowledge base" }),
  };
}

/** The page itself never scrolls sideways: everything fits the screen's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
}

/** 44 px high at least: a target for a thumb. */
async function expectThumbSized(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
}

/** Wholly on the screen: not cut off at any side (the composer at the foot, a dialog). */
async function expectOnScreen(page: Page, target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

test("on a phone the queue, the ticket and the order take turns, each with a way back, and a reply with a template goes out", async ({ browser }, testInfo) => {
  const { order, customer, message } = orderAndWrite(world, "Olive", "The terrarium glass arrived cracked, can you send a new one?");
  world.shop.addShipment(order.id, { trackingNumber: "1Z999AA10123456784", carrier: "ups", method: "UPS Ground" }, { silent: true });
  await introduce(customer, order, message);

  const page = await openInbox(browser, PEOPLE.ada.email, "/inbox", PHONE);
  const { queue, ticket, order: orderPane } = panes(page);

  // The queue alone, the whole width; the top bar fits, its sections and account behind a menu.
  await expect(queue).toBeVisible();
  await expect(ticket).toHaveCount(0);
  await expect(orderPane).toHaveCount(0);
  expect((await queue.boundingBox())!.width).toBe(PHONE.width);
  await expect(page.getByRole("navigation", { name: "Sections" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-375-queue");

  const menu = page.getByRole("button", { name: "Menu" });
  await expectThumbSized(menu);
  await menu.click();
  const menuPanel = page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`);
  const sections = menuPanel.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("link", { name: "Inbox" })).toHaveAttribute("aria-current", "page");
  await expect(sections.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(menuPanel.getByText(`${PEOPLE.ada.name} · agent`)).toBeVisible();
  await expectThumbSized(menuPanel.getByRole("button", { name: "Sign out" }));
  await expectOnScreen(page, menuPanel);
  await saveScreenshot(page, testInfo, "narrow-375-menu");
  await page.keyboard.press("Escape");
  await expect(sections).toHaveCount(0);

  // A tap on the ticket: the ticket alone, with its way back and its way to the order.
  await openOrderTicket(page, order.id);
  await expect(page.getByTestId("message-inbound").filter({ hasText: "glass arrived cracked" })).toBeVisible({ timeout: 15_000 });
  const ticketId = new URL(page.url()).searchParams.get("ticket")!;
  await expect(queue).toBeHidden();
  await expect(ticket).toBeVisible();
  await expect(orderPane).toBeHidden();
  const composer = page.getByTestId("composer");
  await expectOnScreen(page, composer);
  await expectThumbSized(page.getByRole("button", { name: "Back to queue" }));
  await expectThumbSized(page.getByRole("button", { name: "Order", exact: true }));
  await expectThumbSized(page.getByRole("button", { name: "Templates" }));
  await expectThumbSized(page.getByRole("button", { name: "Send reply" }));
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-375-ticket");

  // The properties fold away into a summary line, and open with a tap.
  const properties = ticket.getByRole("button", { name: /^Properties/ });
  await expect(properties).toHaveAttribute("aria-expanded", "false");
  await expect(ticket.getByLabel("Priority")).toBeHidden();
  await properties.click();
  await ticket.getByLabel("Priority").selectOption("HIGH");
  await expect(properties).toContainText("High");
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-375-properties");
  await properties.click();
  await expect(ticket.getByLabel("Priority")).toBeHidden();

  // The template dialog fits the screen, and its template goes into the reply.
  await page.getByRole("button", { name: "Templates" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert a template" });
  await dialog.getByRole("button", { name: /^Shipment update/ }).click();
  const preview = dialog.getByTestId("template-preview");
  await expect(preview).toContainText(`regarding order #${order.id}`);
  await expectOnScreen(page, dialog);
  await expectThumbSized(dialog.getByRole("button", { name: "Insert into reply" }));
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-375-template");
  const filled = (await preview.textContent())!;
  await dialog.getByRole("button", { name: "Insert into reply" }).click();
  await expect(dialog).toBeHidden();
  await expect(composer).toHaveValue(filled);
  await expectOnScreen(page, composer);

  const before = customer.received().length;
  await page.getByRole("button", { name: "Send reply" }).click();
  const sent = page.getByTestId("message-outbound").filter({ hasText: `regarding order #${order.id}` });
  await expect(sent.getByTestId("delivery-status")).toHaveAttribute("data-status", "SENT", { timeout: 20_000 });
  await expect.poll(() => customer.received().slice(before).map((received) => received.text)).toContain(filled);
  await expect(composer).toHaveValue("");
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-375-replied");

  // The order in the ticket's place, and back.
  await page.getByRole("button", { name: "Order", exact: true }).click();
  await expect(orderPane).toBeVisible();
  await expect(ticket).toBeHidden();
  await expect(queue).toBeHidden();
  await expect(page).toHaveURL(`/inbox?ticket=${ticketId}&pane=order`);
  await expect(orderPane.getByTestId("order-details")).toContainText(`Order #${order.id}`);
  expect((await orderPane.boundingBox())!.width).toBe(PHONE.width);
  await expectThumbSized(page.getByRole("button", { name: "Back to ticket" }));
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-375-order");
  await page.getByRole("button", { name: "Back to ticket" }).click();
  await expect(ticket).toBeVisible();
  await expect(orderPane).toBeHidden();
  await expect(page).toHaveURL(`/inbox?ticket=${ticketId}`);

  // The browser's Back steps back through the panes too: the ticket was opened from the queue.
  await page.goBack();
  await expect(queue).toBeVisible();
  await expect(ticket).toHaveCount(0);
  await expect(page).toHaveURL("/inbox");
  await page.goForward();
  await expect(ticket).toBeVisible();
  await expect(queue).toBeHidden();
  await page.getByRole("button", { name: "Back to queue" }).click();
  await expect(queue).toBeVisible();
  await expect(ticket).toHaveCount(0);
  await expect(page).toHaveURL("/inbox");

  // A link straight to the ticket opens on the ticket, with the way back to the queue.
  await page.goto(`/inbox?ticket=${ticketId}`);
  await expect(ticket).toBeVisible();
  await expect(queue).toBeHidden();
  await page.getByRole("button", { name: "Back to queue" }).click();
  await expect(queue).toBeVisible();
  await expect(page).toHaveURL("/inbox");
  await page.context().close();
});

test("a link to a ticket that does not exist still has the way back on a phone", async ({ browser }) => {
  const page = await openInbox(browser, PEOPLE.ada.email, "/inbox?ticket=00000000-0000-7000-8000-000000000000", PHONE);
  await expect(page.getByRole("alert").filter({ hasText: "Ticket not found" })).toBeVisible();
  await page.getByRole("button", { name: "Back to queue" }).click();
  await expect(panes(page).queue).toBeVisible();
  await page.context().close();
});

test("on a tablet the queue and the ticket share the screen, and the order takes the ticket's place", async ({ browser, playwright, baseURL }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);
  const created = await createTicket(api, {
    subject: `Tablet: the lid does not close ${unique()}`,
    body: "The lid of my terrarium does not close any more since the move. Can I get a replacement lid?",
    customer: { email: `tia-${unique()}@example.com`, name: "Tia Tablet" },
  });
  const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${created.id}`, TABLET);
  const { queue, ticket, order } = panes(page, created.number);

  await expect(queue).toBeVisible();
  await expect(ticket).toBeVisible();
  await expect(order).toBeHidden();
  // The queue is on screen: no Back to it. The sections have room in the bar.
  await expect(page.getByRole("button", { name: "Back to queue" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Inbox" })).toBeVisible();
  await expectOnScreen(page, page.getByTestId("composer"));
  await expectThumbSized(page.getByRole("button", { name: "Send reply" }));
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-768-inbox");

  await page.getByRole("button", { name: "Order", exact: true }).click();
  await expect(order).toBeVisible();
  await expect(queue).toBeVisible();
  await expect(ticket).toBeHidden();
  await expect(order).toContainText("Tia Tablet");
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, "narrow-768-order");
  await page.getByRole("button", { name: "Back to ticket" }).click();
  await expect(ticket).toBeVisible();
  await expect(order).toBeHidden();

  // A reply from the tablet's composer.
  await page.getByTestId("composer").fill("A new lid is on its way.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("message-outbound").filter({ hasText: "A new lid is on its way." })).toBeVisible();
  await page.context().close();
  await api.dispose();
});

test("on a desktop the three panes stand side by side, with no pane buttons", async ({ browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);
  const created = await createTicket(api, { subject: `Desktop layout ${unique()}`, body: "Hello", customer: { email: `dee-${unique()}@example.com`, name: "Dee Desk" } });
  const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${created.id}`);
  const { queue, ticket, order } = panes(page, created.number);
  await expect(queue).toBeVisible();
  await expect(ticket).toBeVisible();
  await expect(order).toBeVisible();
  for (const name of ["Back to queue", "Back to ticket", "Menu"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Order", exact: true })).toHaveCount(0);
  await page.context().close();
  await api.dispose();
});

test("the top bar fits a phone and a tablet on the supervisor's pages too, where it has the most sections", async ({ browser }, testInfo) => {
  for (const viewport of [PHONE, TABLET]) {
    const page = await openInbox(browser, PEOPLE.supervisor.email, "/dashboard", viewport);
    const bar = page.getByRole("banner").first();
    await expect(bar.getByTestId("connection-state")).toBeVisible();
    expect(await bar.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await saveScreenshot(page, testInfo, `narrow-${viewport.width}-dashboard`);
    await page.context().close();
  }
});
