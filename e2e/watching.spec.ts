import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload, openInbox } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { unique } from "./support/telegram-customer.ts";

// Watching is not work (SPEC): a new order's ticket that nothing has asked a person about is listed
// under Watching, with no agent and no SLA clock; the moment the customer writes on the order it
// is work, live in the agent's Open view, with the reason in its thread.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

test("a quiet order is watched, not work; when its customer writes it moves into Open live, routed and on the clock", async ({ browser, playwright, baseURL }, testInfo) => {
  const ada = await openInbox(browser, PEOPLE.ada.email);
  const views = ada.getByRole("group", { name: "Views" });
  const order = world.shop.createOrder({
    guest: { email: `wanda-${unique()}@example.com`, firstName: "Wanda", lastName: "Watched" },
    products: [{ name: "Orbit Terrarium, small", sku: "OTS-S", price: 24.5, quantity: 1 }],
  });
  await world.bigcommerce.flushWebhooks();
  const row = ada.getByTestId("queue-item").filter({ hasText: `Order #${order.id}` });

  // Watching: listed there with its badge, not in Open.
  await views.getByRole("button", { name: "Watching" }).click();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByTestId("queue-item-watched")).toHaveText("Watching");
  await row.click();
  await expect(ada.getByTestId("ticket-watched")).toBeVisible();
  await saveScreenshot(ada, testInfo, "watching-view");
  await views.getByRole("button", { name: "Open" }).click();
  await expect(ada.getByTestId("queue-item").first()).toBeVisible();
  await expect(row).toHaveCount(0);

  // Its API view: no clock, no agent.
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);
  const listed = (await (await api.get(`/api/v1/tickets?bigcommerceOrderId=${order.id}`)).json()) as { items: Array<{ id: string; watched: boolean; assignee: unknown; firstResponseDueAt: string | null }> };
  expect(listed.items).toHaveLength(1);
  expect(listed.items[0]).toMatchObject({ watched: true, assignee: null, firstResponseDueAt: null });

  // The customer writes on the order: it is work now, in Open without a reload.
  world.shop.addOrderMessage(order.id, { message: "Could you add a gift note?" });
  await world.bigcommerce.flushWebhooks();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByTestId("queue-item-watched")).toHaveCount(0);
  await expect(ada.getByTestId("ticket-watched")).toHaveCount(0);
  await expect(ada.getByText("Needs a person: the customer wrote on the order")).toBeVisible();
  await expectNoReload(ada);
  await saveScreenshot(ada, testInfo, "watching-became-work");
  const after = (await (await api.get(`/api/v1/tickets/${listed.items[0]!.id}`)).json()) as { ticket: { watched: boolean; firstResponseDueAt: string | null; workSince: string | null } };
  expect(after.ticket).toMatchObject({ watched: false });
  expect(after.ticket.firstResponseDueAt).not.toBeNull();
  await api.dispose();
});

test("a supervisor decides which order statuses need a person", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  await signIn(context.request, PEOPLE.supervisor.email);
  const page = await context.newPage();
  await page.goto("/settings/routing");
  const form = page.getByRole("form", { name: "What counts as work" });
  await expect(form.getByLabel("Watch new order tickets until they need a person")).toBeChecked();
  await expect(form.getByLabel("Declined")).toBeChecked();
  await form.getByLabel("Cancelled").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved")).toBeVisible();
  await saveScreenshot(page, testInfo, "watching-settings");
  const saved = (await (await context.request.get("/api/v1/routing-settings")).json()) as { settings: { workOrderStatusIds: number[] } };
  expect(saved.settings.workOrderStatusIds).toContain(5);
  // Put it back: other specs share the store.
  await context.request.patch("/api/v1/routing-settings", { data: { workOrderStatusIds: saved.settings.workOrderStatusIds.filter((id) => id !== 5) } });
  await context.close();
});
