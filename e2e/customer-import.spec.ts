import { expect, test } from "@playwright/test";
import { PEOPLE, signInBrowser } from "./support/browser-session.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// The customer import as an admin runs it: the mapping page sets which customer groups make a VIP,
// the import runs in the worker within the store's API quota (a small one here, so it takes a few
// windows), the progress bar moves to done, and the skipped records are listed with their reason.

const ADMIN_EMAIL = "admin@tern.example";
const ACCOUNTS = 1_000;

let world: E2eWorld;

test.afterAll(async () => {
  await world?.close();
});

test("an admin maps the fields, runs the customer import and watches its progress bar to the end", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  world = await startE2eWorld(baseURL!);
  const prefix = `imp${Date.now().toString(36)}`;
  for (let index = 1; index <= ACCOUNTS; index += 1) {
    world.shop.createCustomer(
      { email: `${prefix}-${index}@example.com`, firstName: "Buyer", lastName: `${prefix} ${index}`, groupId: index % 10 === 0 ? 3 : 1 },
      { silent: true },
    );
  }
  world.shop.putRawCustomer({ first_name: "No", last_name: "Email", email: "" });
  world.shop.putRawCustomer({ first_name: "Bad", last_name: "Email", email: "not-an-email" });
  // One request per 1.5 s: the import's four pages take several windows, and the bar is seen moving.
  world.shop.quota.configure({ quota: 1, windowMs: 1_500 });

  const context = await signInBrowser(await browser.newContext({ viewport: { width: 1280, height: 1400 } }), ADMIN_EMAIL);
  const page = await context.newPage();
  await page.goto("/admin/customers");
  await expect(page.getByRole("tab", { name: "Customers" })).toHaveAttribute("aria-selected", "true");

  // Wholesale buyers count as VIP in this store.
  const vip = page.getByLabel("Values that make a customer VIP");
  await expect(vip).toHaveValue("VIP");
  await vip.fill("VIP, Wholesale");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText("Mapping saved")).toBeVisible();

  await page.getByRole("button", { name: "Import customers" }).click();
  const progress = page.getByTestId("customer-import-progress");
  await expect(progress).toHaveAttribute("data-status", "RUNNING");
  await expect(page.getByRole("button", { name: "Stop import" })).toBeVisible();
  // Part-way: some customers done out of all of them.
  await expect(page.getByTestId("customer-import-count")).toHaveText(/^(250|500|750) \/ 1,002$/, { timeout: 30_000 });
  const bar = page.getByRole("progressbar", { name: "Customer import" });
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await saveScreenshot(page, testInfo, "customer-import-running");

  await expect(progress).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await expect(page.getByTestId("customer-import-count")).toHaveText("1,002 / 1,002");
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(progress).toContainText("1,000 imported");
  await expect(progress).toContainText("2 skipped");
  await expect(page.getByRole("row").filter({ hasText: "Missing email" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Invalid email" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Import customers" })).toBeEnabled();
  await saveScreenshot(page, testInfo, "customer-import-done");

  // The imported customers are Tern's now, with the mapped tier.
  const wholesale = await page.request.get(`/api/v1/customers?q=${encodeURIComponent(`${prefix}-10@`)}`);
  expect(((await wholesale.json()) as { items: Array<{ tier: string; name: string }> }).items).toEqual([expect.objectContaining({ tier: "VIP", name: `Buyer ${prefix} 10` })]);
  const retail = await page.request.get(`/api/v1/customers?q=${encodeURIComponent(`${prefix}-11@`)}`);
  expect(((await retail.json()) as { items: Array<{ tier: string }> }).items).toEqual([expect.objectContaining({ tier: "STANDARD" })]);

  // An agent has no business here.
  const agent = await signInBrowser(await browser.newContext(), PEOPLE.ada.email);
  expect((await agent.request.get("/api/v1/customer-imports")).status()).toBe(403);
  await agent.close();
  await context.close();
});
