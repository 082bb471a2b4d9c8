import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { MessageDto, TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { PEOPLE, signIn, signInBrowser } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { nextReply, orderAndWrite } from "./support/telegram-customer.ts";

// Answers before a person: a verified Telegram customer asks a question the store's knowledge base
// answers (the demo store's "Returns and exchanges policy"), the bot offers the article, the
// customer taps Yes, and the conversation is resolved without an agent. The supervisor's dashboard,
// open all along, counts one more deflected conversation without a reload.

let world: E2eWorld;

test.beforeAll(async ({ baseURL }) => {
  world = await startE2eWorld(baseURL!);
});

test.afterAll(async () => {
  await world?.close();
});

async function orderTicket(api: APIRequestContext, orderId: number): Promise<TicketDto | null> {
  const response = await api.get(`/api/v1/tickets?bigcommerceOrderId=${orderId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: TicketDto[] }).items[0] ?? null;
}

async function deflected(page: Page): Promise<number> {
  return Number(await page.getByTestId("self-service-deflected").getAttribute("data-count"));
}

test("a Telegram customer accepts a knowledge-base answer and the dashboard's deflection moves", async ({ browser, playwright, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL });
  await signIn(api, PEOPLE.supervisor.email);

  const context = await signInBrowser(await browser.newContext({ viewport: { width: 1440, height: 1400 } }), PEOPLE.supervisor.email);
  const dashboard = await context.newPage();
  await dashboard.goto("/dashboard");
  await expect(dashboard.getByRole("heading", { name: "Supervisor dashboard" })).toBeVisible();
  await expect(dashboard.getByTestId("connection-state")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  await expect(dashboard.getByTestId("self-service")).toBeVisible();
  await dashboard.evaluate(() => ((window as unknown as { ternNoReload: boolean }).ternNoReload = true));
  const before = await deflected(dashboard);

  // Hana orders; her order's ticket is only watched. She opens the order's signed link (from the
  // order confirmation) in Telegram: her chat is verified for that order.
  const { order, customer } = orderAndWrite(world, "Hana", "");
  await expect.poll(async () => (await orderTicket(api, order.id))?.watched ?? null, { timeout: 20_000 }).toBe(true);
  const link = await api.post("/api/v1/telegram/chat-links", { data: { bigcommerceOrderId: order.id } });
  expect(link.status(), await link.text()).toBe(201);
  const token = new URL(((await link.json()) as { url: string }).url).searchParams.get("start")!;
  customer.sendCommand("start", token);
  expect(await nextReply(customer, 0)).toContain(`You're connected to order #${order.id}`);

  customer.sendText("How do I return an item in its original packaging?");
  const offer = await nextReply(customer, 1);
  expect(offer).toContain("📄 Returns and exchanges policy");
  expect(offer).toContain("Items can be returned within 30 days");
  expect(offer).toMatch(/Did this answer your question\?$/);
  // While the customer reads, the conversation is still only watched: no agent was handed it.
  const held = await orderTicket(api, order.id);
  expect(held).toMatchObject({ watched: true, assignee: null, status: "AWAITING_AGENT" });

  customer.pressButton("✅ Yes, thanks");
  const thanks = await nextReply(customer, 2);
  expect(thanks).toMatch(/^Glad that helped! I've closed request #\d+\./);

  const resolved = await orderTicket(api, order.id);
  expect(resolved).toMatchObject({ status: "RESOLVED", assignee: null });
  const thread = (await (await api.get(`/api/v1/tickets/${resolved!.id}`)).json()) as { messages: MessageDto[] };
  const bodies = thread.messages.map((message) => message.body);
  expect(bodies).toContain("How do I return an item in its original packaging?");
  expect(bodies).toContain("Resolved by self-service: Returns and exchanges policy");

  // The dashboard heard the ticket change and counts it: one more conversation resolved without an agent.
  await expect.poll(() => deflected(dashboard), { timeout: 20_000 }).toBe(before + 1);
  await expect(dashboard.getByTestId("self-service-by-kind").locator('tr[data-kind="kb_answer"]')).toBeVisible();
  await expect(dashboard.getByTestId("card-deflection")).toContainText(String(before + 1));
  await dashboard.getByTestId("self-service").scrollIntoViewIfNeeded();
  await saveScreenshot(dashboard, testInfo, "dashboard-deflection");
  await expectNoReload(dashboard);

  await context.close();
  await api.dispose();
});
