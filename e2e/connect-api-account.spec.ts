import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startControlPanel, type ControlPanel } from "./support/control-panel.ts";
import { e2eDataDir } from "./support/server-env.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// A merchant who never installs the app: they create a store API account in BigCommerce (here the
// emulator, as Settings → API accounts does), paste its API path and token into Tern's /connect
// page, become the store's first Tern admin, see the connection's health, disconnect and connect
// again. The e2e server reads its setup code from its data directory, as whoever runs Tern does.

let panel: ControlPanel;

test.beforeAll(async ({ baseURL }) => {
  panel = await startControlPanel(baseURL!);
});

test.afterAll(async () => {
  await panel?.close();
});

function setupCode(baseURL: string): string {
  return readFileSync(path.join(e2eDataDir(Number(new URL(baseURL).port)), "setup-code.secret"), "utf8").trim();
}

async function fillApiAccount(page: Page, apiPath: string, token: string) {
  await page.getByLabel("API path").fill(apiPath);
  await page.getByLabel("Access token").fill(token);
}

test("a merchant connects a store by API account, becomes its admin, sees its health, disconnects and connects again", async ({ browser, baseURL }, testInfo) => {
  const hash = `e2eapi${Date.now().toString(36)}`;
  const shop = panel.bigcommerce.store(hash);
  const account = shop.createApiAccount({ name: "Tern" });
  const apiPath = `${panel.bigcommerce.url}/stores/${hash}/v3/`;
  const email = `owner-${hash}@e2e-shop.test`;

  const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
  const page = await context.newPage();
  await page.goto("/connect");
  await expect(page.getByRole("heading", { name: "Connect a store" })).toBeVisible();
  const form = page.getByTestId("first-connection-form");
  await fillApiAccount(page, apiPath, account.accessToken);
  await form.getByLabel("Your name").fill("Olive Owner");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password (at least 12 characters)").fill("correct horse battery");

  // A wrong setup code: refused before BigCommerce is asked.
  await form.getByLabel("Setup code").fill("not-the-code");
  await page.getByRole("button", { name: "Connect store" }).click();
  await expect(page.getByText("That setup code is not this Tern's")).toBeVisible();
  expect(panel.bigcommerce.requests.filter((request) => request.storeHash === hash)).toEqual([]);

  await form.getByLabel("Setup code").fill(setupCode(baseURL!));
  await page.getByRole("button", { name: "Connect store" }).click();

  const connection = page.getByTestId("store-connection");
  await expect(connection).toContainText("connected");
  await expect(connection).toContainText(hash);
  await expect(connection).toContainText("a store API account");
  // Usable at 375 px: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await saveScreenshot(page, testInfo, "connect-api-account");
  expect(await page.content()).not.toContain(account.accessToken);

  // Tern registered its hooks with the API account, each with the store's secret header.
  const hooks = shop.hooksOf(account.clientId);
  expect(hooks.length).toBeGreaterThan(5);
  for (const hook of hooks) expect(Object.keys(hook.headers ?? {})).toEqual(["X-Tern-Webhook-Secret"]);

  // A new order reaches Tern through those hooks.
  shop.createOrder({ guest: { email: "buyer@e2e-shop.test", firstName: "Bea", lastName: "Buyer" }, products: [{ name: "Mug", sku: "MUG-1", price: 12 }] });
  await panel.bigcommerce.flushWebhooks();
  expect(panel.bigcommerce.deliveries.filter((delivery) => delivery.body.includes(hash)).map((delivery) => delivery.status)).toContain(200);

  // The admin signs in later with the password chosen here.
  const later = await browser.newContext();
  const signIn = await later.newPage();
  await signIn.goto("/login");
  await signIn.getByLabel("Email").fill(email);
  await signIn.getByLabel("Password").fill("correct horse battery");
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await signIn.waitForURL("**/inbox");
  await later.close();

  // A token without the scopes Tern needs is refused, each missing one named in words.
  const ordersOnly = shop.createApiAccount({ name: "Too narrow", scopes: ["store_v2_orders_read_only"] });
  await fillApiAccount(page, hash, ordersOnly.accessToken);
  await page.getByRole("button", { name: "Connect with this API account" }).click();
  const refusal = page.getByText("This API account lacks scopes Tern needs");
  await expect(refusal).toContainText("Information & settings: read-only");
  await expect(refusal).toContainText("Customers: read-only");

  // Disconnect: Tern's hooks are deleted at BigCommerce, the store shows as disconnected.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Disconnect store" }).click();
  await expect(page.getByText(/^Disconnected\. \d+ webhook/)).toBeVisible();
  await expect(connection).toContainText("disconnected");
  expect(shop.hooksOf(account.clientId)).toEqual([]);

  // And back, with the same account: the same store, its hooks registered again.
  await fillApiAccount(page, apiPath, account.accessToken);
  await page.getByRole("button", { name: "Connect with this API account" }).click();
  await expect(page.getByText("The store is connected with the API account.")).toBeVisible();
  await expect(connection.getByText("connected", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Access token")).toHaveValue("");
  expect(shop.hooksOf(account.clientId).length).toBe(hooks.length);
  await context.close();
});

test("an app-installed store switches to an API account from the control panel and keeps its place in Tern", async ({ page }) => {
  const hash = `e2eswitch${Date.now().toString(36)}`;
  const owner = { id: 52001, email: `owner-${hash}@e2e-shop.test` };
  await page.goto(panel.url("install", hash, owner));
  const app = page.frameLocator("#app-frame");
  await expect(app.getByTestId("connection-panel")).toContainText("the BigCommerce app");
  const shop = panel.bigcommerce.store(hash);
  const appHooks = shop.hooks.size;
  expect(appHooks).toBeGreaterThan(5);

  const account = shop.createApiAccount({ name: "Tern" });
  await app.getByLabel("API path").fill(`${panel.bigcommerce.url}/stores/${hash}/v3/`);
  await app.getByLabel("Access token").fill(account.accessToken);
  await app.getByRole("button", { name: "Connect with this API account" }).click();
  await expect(app.getByText("The store is connected with the API account.")).toBeVisible();
  await expect(app.getByTestId("connection-panel")).toContainText("a store API account");
  await expect(app.getByLabel("Access token")).toHaveValue("");
  // Only the API account's hooks are left: the app's would deliver every event a second time.
  expect(shop.hooksOf(account.clientId)).toHaveLength(appHooks);
  expect(shop.hooks.size).toBe(appHooks);
});
