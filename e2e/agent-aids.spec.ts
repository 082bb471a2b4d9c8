import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { createTicket, ticketThread } from "./support/inbox-api.ts";
import { expectNoReload, openInbox } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { introduce, openOrderTicket, orderAndWrite, unique } from "./support/telegram-customer.ts";

// Two things agents need to see: what an edited message said before, and another agent's reply
// to the customer before they send their own.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

// Telegram dates edits in whole seconds, and an edit no newer than the stored one is a late
// redelivery: two edits must be at least a second apart.
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1_000)));

test("(a) a message edited twice: Ben opens its history and sees both earlier versions, newest first; a third edit arrives live", async ({ browser }, testInfo) => {
  const { order, customer, message } = orderAndWrite(world, "Carol", "Hello, I have a question about my order.");
  await introduce(customer, order, message);
  const typo = customer.sendText("The lid of the terrarium is crakced");
  await nextSecond();
  customer.editText(typo.message_id, "The lid of the terrarium is cracked");
  await nextSecond();
  customer.editText(typo.message_id, "The lid of the terrarium is cracked, and the moss is dry");

  const page = await openInbox(browser, PEOPLE.ben.email);
  await openOrderTicket(page, order.id);
  const edited = page.getByTestId("message-inbound").filter({ hasText: "the moss is dry" });
  await expect(edited).toBeVisible({ timeout: 15_000 });

  const toggle = edited.getByRole("button", { name: "Edited: earlier versions" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // Keyboard: focus the marker and open it with Enter.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const history = edited.getByRole("region", { name: "Earlier versions" });
  const versions = history.getByTestId("message-edit");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText("The lid of the terrarium is cracked");
  await expect(versions.nth(0)).not.toContainText("moss");
  await expect(versions.nth(1)).toContainText("The lid of the terrarium is crakced");
  await expect(versions.nth(0)).toContainText(/replaced .+ by Carol/);
  await saveScreenshot(page, testInfo, "edit-history");

  // The customer edits once more while the history is open: it follows, with no reload.
  await nextSecond();
  customer.editText(typo.message_id, "The lid is cracked and the moss is dry. Photos follow.");
  const latest = page.getByTestId("message-inbound").filter({ hasText: "Photos follow." });
  await expect(latest.getByTestId("message-edit")).toHaveCount(3, { timeout: 15_000 });
  await expect(latest.getByTestId("message-edit").nth(0)).toContainText("the moss is dry");

  await page.keyboard.press("Enter");
  await expect(latest.getByRole("region", { name: "Earlier versions" })).toHaveCount(0);
  await expectNoReload(page);
  await page.context().close();
});

test("(b) Ben replied while Ada was writing: Send shows Ben's reply and sends nothing until Ada says Send anyway", async ({ browser, playwright, baseURL }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);
  const ticket = await createTicket(api, { subject: `Two answers at once ${unique()}`, body: "Can I still change my delivery address?", customer: { email: `erin-${unique()}@example.com`, name: "Erin Address" } });

  const ada = await openInbox(browser, PEOPLE.ada.email, `/inbox?ticket=${ticket.id}`);
  const ben = await openInbox(browser, PEOPLE.ben.email, `/inbox?ticket=${ticket.id}`);
  await expect(ada.getByTestId("presence-text")).toHaveText("Ben Agent is viewing");

  await ben.getByTestId("composer").fill("Yes: I changed it to the new address for you.");
  await ben.getByRole("button", { name: "Send reply" }).click();
  await expect(ada.getByTestId("message-outbound").filter({ hasText: "I changed it to the new address" })).toBeVisible();

  const draft = "No, I am afraid it has shipped already.";
  await ada.getByTestId("composer").fill(draft);
  await ada.getByRole("button", { name: "Send reply" }).click();
  const warning = ada.getByTestId("send-collision-warning");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Your reply has not been sent.");
  await expect(warning).toContainText("Ben Agent replied");
  await expect(warning).toContainText("«Yes: I changed it to the new address for you.»");
  await expect(ada.getByTestId("composer")).toHaveValue(draft);
  await expect(warning.getByRole("button", { name: "Review" })).toBeFocused();
  const before = await ticketThread(api, ticket.id);
  expect(before.messages.filter((message) => message.kind === "OUTBOUND").map((message) => message.author?.name)).toEqual(["Ben Agent"]);
  await saveScreenshot(ada, testInfo, "send-collision-warning");

  await warning.getByRole("button", { name: "Send anyway" }).click();
  await expect(ada.getByTestId("message-outbound").filter({ hasText: draft })).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expect(ada.getByTestId("composer")).toHaveValue("");
  const after = await ticketThread(api, ticket.id);
  expect(after.messages.filter((message) => message.kind === "OUTBOUND").map((message) => [message.author?.name, message.body])).toEqual([
    ["Ben Agent", "Yes: I changed it to the new address for you."],
    ["Ada Agent", draft],
  ]);

  // Ada has now seen Ben's reply: her next one goes out without a warning.
  await ada.getByTestId("composer").fill("I will keep an eye on the parcel.");
  await ada.getByRole("button", { name: "Send reply" }).click();
  await expect(ada.getByTestId("message-outbound").filter({ hasText: "keep an eye on the parcel" })).toBeVisible();
  await expect(ada.getByTestId("send-collision-warning")).toHaveCount(0);

  // Ben in turn has not acknowledged Ada's replies: he is asked the same question.
  await ben.getByTestId("composer").fill("Ben again: tracking link is in your email.");
  await ben.getByRole("button", { name: "Send reply" }).click();
  const bensWarning = ben.getByTestId("send-collision-warning");
  await expect(bensWarning).toContainText("Ada Agent replied");
  await expect(bensWarning).toContainText("«I will keep an eye on the parcel.»");
  await bensWarning.getByRole("button", { name: "Send anyway" }).click();

  // Review keeps the draft and sends nothing; sending after it needs no second confirmation.
  await expect(ada.getByTestId("message-outbound").filter({ hasText: "Ben again" })).toBeVisible();
  await ada.getByTestId("composer").fill("Thanks for your patience.");
  await ada.getByTestId("composer").press("Control+Enter");
  await expect(warning).toContainText("«Ben again: tracking link is in your email.»");
  await warning.getByRole("button", { name: "Review" }).click();
  await expect(warning).toHaveCount(0);
  await expect(ada.getByTestId("composer")).toHaveValue("Thanks for your patience.");
  await expect(ada.getByTestId("composer")).toBeFocused();
  await ada.getByTestId("composer").press("Control+Enter");
  await expect(ada.getByTestId("message-outbound").filter({ hasText: "Thanks for your patience." })).toBeVisible();
  await expectNoReload(ada);
  await ada.context().close();
  await ben.context().close();
  await api.dispose();
});
