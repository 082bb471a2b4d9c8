import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/browser-session.ts";
import { createTicket, postMessage, ticketThread } from "./support/inbox-api.ts";
import { expectNoReload, openInbox } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// The agent inbox in Chromium against a production build: data made through the public API,
// people signed in through next-auth (no login UI), every live change checked without reload.

const unique = () => Math.random().toString(36).slice(2, 8);

test.describe("agent inbox", () => {
  test("a template whose variables this ticket's order cannot fill is refused, and a filled one is inserted", async ({ browser, playwright, baseURL }, testInfo) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    const ticket = await createTicket(api, { subject: `No order on this one ${unique()}`, body: "Hello, where is my parcel?", customer: { email: `nora-${unique()}@example.com`, name: "Nora Order" } });
    const thanks = await api.post("/api/v1/templates", { data: { name: `Thanks ${unique()}`, body: "Hi [customer_name], [agent_name] here: I am on it." } });
    expect(thanks.status()).toBe(201);

    const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${ticket.id}`);
    await expect(page.getByRole("heading", { level: 2, name: ticket.subject })).toBeVisible();
    await page.getByRole("button", { name: "Templates" }).click();
    const dialog = page.getByRole("dialog", { name: "Insert a template" });
    await dialog.getByRole("button", { name: "Shipment update" }).click();
    const refusal = dialog.getByTestId("template-refusal");
    await expect(refusal).toContainText("“Shipment update” cannot be used on this ticket");
    await expect(refusal).toContainText("Template cannot be used: this ticket's order has no [order_id], [shipment_date], [shipment_status], [tracking_url].");
    await expect(dialog.getByRole("button", { name: "Insert into reply" })).toHaveCount(0);
    await saveScreenshot(page, testInfo, "template-refused");

    // A template the ticket can fill previews with its values and goes into the composer.
    await dialog.getByRole("button", { name: /^Thanks / }).click();
    await expect(dialog.getByTestId("template-preview")).toHaveText("Hi Nora Order, Ada Agent here: I am on it.");
    await dialog.getByRole("button", { name: "Insert into reply" }).click();
    await expect(page.getByTestId("composer")).toHaveValue("Hi Nora Order, Ada Agent here: I am on it.");

    // A placeholder typed by hand is refused by the server too: never sent literally.
    await page.getByTestId("composer").fill("Your parcel: [tracking_url]");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The reply still contains a template variable" })).toBeVisible();
    expect((await ticketThread(api, ticket.id)).messages.filter((message) => message.kind === "OUTBOUND")).toHaveLength(0);
    await api.dispose();
  });

  test("two agents see each other's presence, typing and changes live", async ({ browser, playwright, baseURL }, testInfo) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    const ticket = await createTicket(api, { subject: `Two agents on one ticket ${unique()}`, body: "My order arrived damaged.", customer: { email: `dora-${unique()}@example.com`, name: "Dora Damaged" } });

    const ada = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${ticket.id}`);
    const ben = await openInbox(browser, PEOPLE.ben.email, `/inbox?ticket=${ticket.id}`);
    await expect(ada.getByTestId("presence-text")).toHaveText("Ben Agent is viewing");
    await expect(ben.getByTestId("presence-text")).toHaveText("Ada Agent is viewing");

    await ben.getByTestId("composer").pressSequentially("Looking at the photos");
    await expect(ada.getByTestId("presence-text")).toHaveText("Ben Agent is typing…");
    await saveScreenshot(ada, testInfo, "presence-typing");

    // Ada's changes reach Ben's open ticket and queue.
    await ada.getByLabel("Priority").selectOption("URGENT");
    await expect(ben.getByLabel("Priority")).toHaveValue("URGENT");
    await expect(ben.locator(`[data-ticket-id="${ticket.id}"]`)).toContainText("Urgent");
    // (Routing may already have given the ticket to someone: Ada takes it either way.)
    await ada.getByTestId("assignee-select").selectOption({ label: "Ada Agent (you)" });
    await expect(ben.getByTestId("assignee-select").locator("option:checked")).toHaveText("Ada Agent");
    await expect(ben.locator(`[data-ticket-id="${ticket.id}"]`).getByRole("img", { name: "Assigned to Ada Agent" })).toBeVisible();

    // Ben's note reaches Ada's thread.
    await ben.getByRole("tab", { name: /Internal note/ }).click();
    await ben.getByTestId("composer").fill("Photos show a crushed box: refund, no return needed.");
    await ben.getByRole("button", { name: "Add note" }).click();
    await expect(ada.getByTestId("message-note").filter({ hasText: "crushed box" })).toBeVisible();

    // Ben leaves: Ada sees nobody else.
    await ben.context().close();
    await expect(ada.getByTestId("presence-text")).toHaveCount(0);
    await expectNoReload(ada);
    await ada.context().close();
    await api.dispose();
  });

  test("an internal note is shown as one and never queued for delivery", async ({ browser, playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    const ticket = await createTicket(api, { subject: `Note stays inside ${unique()}`, body: "Can I change my address?", customer: { email: `ivy-${unique()}@example.com`, name: "Ivy Inside" } });
    const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${ticket.id}`);
    await expect(page.getByRole("heading", { level: 2, name: ticket.subject })).toBeVisible();

    await page.keyboard.press("n");
    await expect(page.getByRole("tab", { name: /Internal note/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("composer")).toBeFocused();
    await page.keyboard.type("Address change allowed until it ships.");
    await page.keyboard.press("Control+Enter");
    const note = page.getByTestId("message-note").filter({ hasText: "Address change allowed" });
    await expect(note).toBeVisible();
    await expect(note).toContainText("Internal note");
    await expect(note.getByTestId("delivery-status")).toHaveCount(0);

    const { messages } = await ticketThread(api, ticket.id);
    const stored = messages.find((message) => message.body === "Address change allowed until it ships.");
    expect(stored).toMatchObject({ kind: "NOTE", channel: "INTERNAL", deliveryStatus: null });
    await page.context().close();
    await api.dispose();
  });

  test("a link to a ticket that does not exist says so at once, without retrying", async ({ browser }) => {
    const page = await openInbox(browser, PEOPLE.ada.email, "/inbox?ticket=00000000-0000-7000-8000-000000000000");
    // A 404 is the answer: no retries with backoff (seconds of "Loading the ticket…") before it.
    await expect(page.getByRole("alert").filter({ hasText: "Ticket not found" })).toBeVisible({ timeout: 1_500 });
    await page.context().close();
  });

  test("the queue is searchable and keyboard-driven", async ({ browser, playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    const word = `zebra${unique()}`;
    const first = await createTicket(api, { subject: "Question about a gift card", body: `My ${word} gift card does not work` });
    await createTicket(api, { subject: "Another question", body: "Nothing to see" });
    const page = await openInbox(browser, PEOPLE.ada.email);

    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox", { name: "Search tickets and messages" })).toBeFocused();
    await page.keyboard.type(word);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("queue-item")).toHaveCount(1);
    await expect(page.getByTestId("queue-item")).toHaveAttribute("data-ticket-id", first.id);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("searchbox", { name: "Search tickets and messages" })).toHaveValue(word);

    // j/k move the highlight, Enter opens, r goes to the reply box, ? lists the shortcuts.
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`ticket=${first.id}`));
    await expect(page.getByRole("heading", { level: 2, name: "Question about a gift card" })).toBeVisible();
    await page.keyboard.press("r");
    await expect(page.getByTestId("composer")).toBeFocused();
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
    await page.context().close();
    await api.dispose();
  });

  test("snooze, escalate and merge from the ticket, each reflected live in the queue", async ({ browser, playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    const email = `mia-${unique()}@example.com`;
    const keep = await createTicket(api, { subject: `Lost parcel ${unique()}`, body: "It never came.", customer: { email, name: "Mia Merge" } });
    const duplicate = await createTicket(api, { subject: `Lost parcel again ${unique()}`, body: "Still nothing!!", customer: { email, name: "Mia Merge" } });
    const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${keep.id}`);
    const row = page.locator(`[data-ticket-id="${keep.id}"]`);
    await expect(row).toBeVisible();

    await page.getByRole("button", { name: "Snooze", exact: true }).click();
    await page.getByRole("button", { name: /^1 hour/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Snoozed until" })).toBeVisible();
    await expect(row).toHaveCount(0);
    await page.getByRole("group", { name: "Views" }).getByRole("button", { name: "Snoozed" }).click();
    await expect(row).toBeVisible();
    await page.getByRole("button", { name: "Wake up now" }).first().click();
    await expect(row).toHaveCount(0);
    await page.getByRole("group", { name: "Views" }).getByRole("button", { name: "Open" }).click();
    await expect(row).toBeVisible();

    await page.getByRole("button", { name: "Escalate" }).click();
    const escalate = page.getByRole("dialog", { name: "Escalate ticket" });
    await escalate.getByLabel(/Reason/).fill("Second complaint this week");
    await escalate.getByRole("button", { name: "Escalate" }).click();
    await expect(page.getByTestId("status-select")).toHaveValue("ESCALATED");
    await expect(row.getByTestId("queue-item-status")).toHaveText("Escalated");
    await expect(page.getByTestId("message-activity").filter({ hasText: "Second complaint this week" })).toBeVisible();

    // Merge the duplicate into the ticket we keep: its message moves over, it closes.
    await page.goto(`/inbox?ticket=${duplicate.id}`);
    await page.getByRole("button", { name: "Merge" }).click();
    const merge = page.getByRole("dialog", { name: new RegExp(`Merge #${duplicate.number}`) });
    await merge.getByRole("radio", { name: new RegExp(`#${keep.number}`) }).check();
    await merge.getByRole("button", { name: "Merge" }).click();
    await expect(page.getByRole("status").filter({ hasText: "This ticket was merged" })).toBeVisible();
    await page.getByRole("button", { name: "Open it" }).click();
    // (A manual ticket's first words are the creating agent's note.)
    await expect(page.getByTestId("message-note").filter({ hasText: "Still nothing!!" })).toBeVisible();
    await expect(page.getByTestId("message-activity").filter({ hasText: `Merged #${duplicate.number} into this ticket` })).toBeVisible();
    await page.context().close();
    await api.dispose();
  });

  test("screenshots: the inbox with a ticket open, at laptop widths", async ({ browser, playwright, baseURL }, testInfo) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    const people = [
      ["Olivia Park", "My order arrived with a cracked mug", "HIGH", ["damaged"]],
      ["Liam Chen", "Can I change the delivery address?", "NORMAL", ["address"]],
      ["Emma Rossi", "Refund still not received", "URGENT", ["refund"]],
      ["Noah Smith", "Which size should I order?", "LOW", []],
      ["Ava Müller", "Tracking link does not work", "NORMAL", ["shipping"]],
    ] as const;
    const made = [];
    for (const [name, subject, priority, tags] of people) {
      made.push(await createTicket(api, { subject, priority, tags: [...tags], customer: { email: `${name.split(" ")[0]!.toLowerCase()}-${unique()}@example.com`, name } }));
    }
    const open = made[0]!;
    await postMessage(api, open.id, "note", "Customer sent a photo on Telegram: handle is chipped, box intact.");
    await postMessage(api, open.id, "reply", "Sorry about that, Olivia! I am sending a replacement today.");

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      const page = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${open.id}`, viewport);
      await expect(page.getByTestId("message-note").filter({ hasText: "handle is chipped" })).toBeVisible();
      await saveScreenshot(page, testInfo, `inbox-${viewport.width}x${viewport.height}`);
      await page.context().close();
    }
    const settings = await openInbox(browser, PEOPLE.supervisor.email, "/settings/templates", { width: 1280, height: 800 });
    await expect(settings.getByRole("heading", { name: "Edit template" })).toBeVisible();
    await saveScreenshot(settings, testInfo, "settings-templates");
    await settings.goto("/settings/knowledge-base");
    await expect(settings.getByRole("heading", { name: "Edit article" })).toBeVisible();
    await saveScreenshot(settings, testInfo, "settings-knowledge-base");
    await settings.context().close();
    await api.dispose();
  });
});
