import { expect, test } from "@playwright/test";
import { PEOPLE, signIn, signInBrowser } from "./support/browser-session.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// The admin page for API tokens: a token is made with a role, shown once, works on /api/v1 with
// Authorization: Bearer, shows when it was last used, and is refused once revoked.

const ADMIN_EMAIL = "admin@tern.example";
const unique = () => Math.random().toString(36).slice(2, 8);

test("an admin makes a token, sees it once, uses it, and revokes it", async ({ browser, playwright, baseURL }, testInfo) => {
  const context = await signInBrowser(await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 1280, height: 1300 } }), ADMIN_EMAIL);
  const page = await context.newPage();
  await page.goto("/admin/api-tokens");
  await expect(page.getByRole("tab", { name: "API tokens" })).toHaveAttribute("aria-selected", "true");

  const name = `Warehouse sync ${unique()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: /^Supervisor/ }).click();
  await page.getByRole("button", { name: "Create token" }).click();

  const issued = page.getByTestId("issued-token");
  await expect(issued).toContainText("you will not see it again");
  const token = await issued.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^tern_[A-Za-z0-9_-]{32}$/);
  await issued.getByRole("button", { name: "Copy" }).click();
  await expect(issued.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("supervisor");
  await expect(row).toContainText(`${token.slice(0, 10)}…`);
  await expect(row).toContainText("by Alex Admin");
  await expect(row.getByTestId("token-last-used")).toHaveText("Never");
  await saveScreenshot(page, testInfo, "api-tokens");

  // Another tool calls the API with it: no cookie, only the bearer token.
  const tool = await playwright.request.newContext({ baseURL });
  const tickets = await tool.get("/api/v1/tickets", { headers: { authorization: `Bearer ${token}` } });
  expect(tickets.status()).toBe(200);
  // A supervisor token cannot manage tokens, though an admin made it.
  expect((await tool.get("/api/v1/api-tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(403);

  // After a reload the token is gone for good; its use is on record.
  await page.reload();
  await expect(page.getByTestId("issued-token")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(row.getByTestId("token-last-used")).not.toHaveText("Never");
  await expect(row.getByTestId("token-last-used")).toHaveText(/\d/);
  await saveScreenshot(page, testInfo, "api-tokens-after-reload");

  // Revoking asks first; cancelling keeps the token working.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  // BigDesign's Modal names its inner box, not the element with role="dialog": found by its heading.
  const dialog = page.getByRole("dialog").filter({ has: page.getByRole("heading", { name: `Revoke “${name}”?` }) });
  await expect(dialog).toContainText("This cannot be undone");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await tool.get("/api/v1/tickets", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText(`“${name}” is revoked`)).toBeVisible();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await tool.get("/api/v1/tickets", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  await tool.dispose();
  await context.close();
});

test("supervisors and agents neither see the page nor reach the API behind it", async ({ browser, playwright, baseURL }) => {
  for (const email of [PEOPLE.supervisor.email, PEOPLE.ada.email]) {
    const context = await signInBrowser(await browser.newContext(), email);
    const page = await context.newPage();
    await page.goto("/admin/api-tokens");
    await expect(page.getByText("Not for your role")).toBeVisible();
    await expect(page.getByRole("tab", { name: "API tokens" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    await context.close();

    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, email);
    expect((await api.get("/api/v1/api-tokens")).status()).toBe(403);
    expect((await api.post("/api/v1/api-tokens", { data: { name: "mine" } })).status()).toBe(403);
    await api.dispose();
  }
});
