import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PEOPLE, signIn } from "./support/browser-session.ts";
import { freePort } from "@/lib/server/free-port.ts";
import { startAsNewcomer, type StartedTern } from "./support/first-start.ts";
import { expectNoReload } from "./support/inbox-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// The README's first command, as a newcomer runs it: Tern from its start script, in demo mode, on
// the embedded database, in a fresh data directory, with nothing from this suite. Within a minute
// of "Tern is up" the demo's BigCommerce orders and a Telegram customer (with a photo) are in the
// queue, nothing is dead-lettered and webhook health raises no alert; after a restart on the same
// data the same holds and order numbers continue.

const FIRST_MINUTE_MS = 60_000;

// mkdtemp makes a folder only its owner can enter: as root, the embedded PostgreSQL (run as the
// postgres user) must cope with it, as with a clone in root's home folder.
const dataDir = mkdtempSync(path.join(tmpdir(), "tern-first-start-"));
let tern: StartedTern | null = null;

test.afterAll(async () => {
  await tern?.stop();
  const relocated = `${path.join(dataDir, "pg")}.location`;
  if (existsSync(relocated)) rmSync(readFileSync(relocated, "utf8").trim(), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

async function openInboxAt(browser: Browser, url: string): Promise<Page> {
  // Tall enough that the first minute's tickets are all rendered by the virtualised queue.
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 1800 } });
  await signIn(context.request, PEOPLE.ada.email);
  const page = await context.newPage();
  await page.goto("/inbox");
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  // Every ticket: a new order's ticket is only watched (listed under Watching, not Open) until something needs a person.
  await page.getByRole("group", { name: "Views" }).getByRole("button", { name: "All" }).click();
  await page.evaluate(() => ((window as unknown as { ternNoReload: boolean }).ternNoReload = true));
  return page;
}

/**
 * The queue's BigCommerce order tickets and Telegram conversations (a customer writing on Telegram,
 * in a ticket of its own or in their order's), counted up to what the first minute must show.
 */
async function enough(page: Page): Promise<string> {
  const items = page.getByTestId("queue-item");
  const bigcommerce = await items.and(page.locator('[data-source="BIGCOMMERCE"]')).count();
  const telegram = await telegramConversations(page).count();
  return `${Math.min(bigcommerce, 2)} BigCommerce, ${Math.min(telegram, 1)} Telegram`;
}

function telegramConversations(page: Page) {
  return page.getByTestId("queue-item").and(page.locator('[data-channel="TELEGRAM"]'));
}

/** Dead letters and webhook health, as a supervisor sees them: nothing dead, no alert, no source degraded. */
async function expectHealthy(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 1600 } });
  await signIn(context.request, PEOPLE.supervisor.email);
  const deadLetters = await context.request.get("/api/v1/webhooks/dead-letters?includeHandled=true");
  expect(deadLetters.status()).toBe(200);
  expect(((await deadLetters.json()) as { items: unknown[] }).items).toEqual([]);
  const page = await context.newPage();
  await page.goto("/dashboard");
  const panel = page.getByTestId("webhook-health");
  await expect(panel).toBeVisible({ timeout: 20_000 });
  await expect(panel).toContainText("BigCommerce webhooks");
  await expect(page.getByTestId("webhook-alerts")).toHaveCount(0);
  await expect(panel).not.toContainText("degraded");
  await context.close();
}

/** An admin's "Store admin" link opens the emulated control panel, which loads Tern's app through its real load callback. */
async function expectStoreAdminOpens(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ baseURL: url });
  await signIn(context.request, "admin@tern.example");
  const page = await context.newPage();
  await page.goto("/settings/templates");
  const [panel] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: "Store admin" }).click()]);
  await expect(panel).toHaveURL(/\/control-panel\/stores\/terndemo\/apps\/open/);
  const app = panel.frameLocator("#app-frame");
  await expect(app.getByTestId("connection-panel")).toContainText("terndemo", { timeout: 20_000 });
  await context.close();
}

async function orderIds(page: Page): Promise<number[]> {
  const response = await page.request.get("/api/v1/tickets?limit=100");
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ bigcommerceOrderId: number | null }> };
  return items.map((ticket) => ticket.bigcommerceOrderId).filter((id): id is number => id !== null);
}

test("npm start: the demo fills the inbox within a minute, with nothing dead-lettered, and again after a restart", async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const port = await freePort();

  tern = await startAsNewcomer({ port, dataDir });
  const upAt = Date.now();
  const page = await openInboxAt(browser, tern.url);
  await expect.poll(() => enough(page), { timeout: FIRST_MINUTE_MS - (Date.now() - upAt), intervals: [500] }).toBe("2 BigCommerce, 1 Telegram");
  await expectNoReload(page);

  // The Telegram customer's photo renders (a real image, served through Tern's attachment proxy).
  await telegramConversations(page).first().click();
  const photo = page.locator('img[alt^="Photo:"]').first();
  await expect(photo).toBeVisible({ timeout: FIRST_MINUTE_MS - (Date.now() - upAt) });
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  await saveScreenshot(page, testInfo, "first-start-inbox");
  await expectHealthy(browser, tern.url);
  await expectStoreAdminOpens(browser, tern.url);
  const before = await orderIds(page);
  expect(before.length).toBeGreaterThanOrEqual(2);

  // The worker is a process of its own: killed outright, it is started again and the demo goes on.
  const worker = tern.workerPid();
  expect(worker).not.toBeNull();
  process.kill(worker!, "SIGKILL");
  await expect.poll(() => tern!.output(), { timeout: 10_000 }).toContain("the worker stopped unexpectedly");
  await expect.poll(() => [null, worker].includes(tern!.workerPid()), { timeout: 20_000 }).toBe(false);
  await expect.poll(async () => Math.max(...(await orderIds(page))), { timeout: FIRST_MINUTE_MS, intervals: [1000] }).toBeGreaterThan(Math.max(...before));
  await page.context().close();

  // Ctrl+C, then the same command again on the same data.
  const beforeStop = tern.output().length;
  expect(await tern.stop()).toBe(0);
  // Ctrl+C reaches the embedded PostgreSQL too, which must not go before the processes using it.
  expect(tern.output().slice(beforeStop)).not.toMatch(/failed|error|ECONNREFUSED/i);
  tern = await startAsNewcomer({ port, dataDir });
  const againAt = Date.now();
  const again = await openInboxAt(browser, tern.url);
  const lastBefore = Math.max(...before);
  // The first order after the restart continues the numbering: a reused number would merge into an old ticket.
  await expect.poll(async () => Math.max(...(await orderIds(again))), { timeout: FIRST_MINUTE_MS - (Date.now() - againAt), intervals: [1000] }).toBeGreaterThan(lastBefore);
  await expect.poll(() => enough(again)).toBe("2 BigCommerce, 1 Telegram");
  await expectNoReload(again);
  await expectHealthy(browser, tern.url);
  expect(tern.output()).not.toMatch(/failed|error/i);
});
