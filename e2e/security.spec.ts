import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { PEOPLE } from "./support/browser-session.ts";
import { openInbox } from "./support/inbox-page.ts";
import { e2eDatabaseUrlFile } from "./support/server-env.ts";

// Through the real server. X-Forwarded-For from a client that is not a trusted proxy changes
// nothing (it once gave a password guesser a fresh count for every address it typed).

const ADMIN = "admin@tern.example";

async function signInStatus(request: APIRequestContext, password: string, forwardedFor: string): Promise<boolean> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: ADMIN, password, json: "true" },
    headers: { "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? "";
  return response.status() < 400 && !location.includes("error=");
}

test.afterAll(async ({ baseURL }) => {
  // The admin's counters would otherwise hold for 15 minutes, over later specs.
  const client = new pg.Client({ connectionString: readFileSync(e2eDatabaseUrlFile(Number(new URL(baseURL!).port)), "utf8").trim() });
  await client.connect();
  await client.query(`delete from "LoginAttempt" where key like $1`, [`%${ADMIN}%`]);
  await client.end();
});

test("five wrong passwords 'from' 10.66.2.1, then the right one 'from' 10.66.2.2: still refused", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  // The right password works before (this check can tell a sign-in from a refusal).
  expect(await signInStatus(request, "tern-demo", "10.66.2.3")).toBe(true);
  for (let attempt = 0; attempt < 5; attempt++) expect(await signInStatus(request, "wrong-password", "10.66.2.1")).toBe(false);
  expect(await signInStatus(request, "tern-demo", "10.66.2.2")).toBe(false);
  await request.dispose();
});

test("every page carries a content security policy that keeps other sites from framing or scripting it", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  for (const path of ["/login", "/inbox", "/admin", "/api/health"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBeTruthy();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy, path).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy, path).toMatch(path === "/login" ? /frame-ancestors 'self'$|frame-ancestors 'self';/ : /frame-ancestors 'self' https:\/\/\*\.bigcommerce\.com/);
  }
  // Every browser asks for it on every page: an icon, not a 404 in the console.
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
  await request.dispose();
});

test("a signed-in agent gets a one-time code to link their Telegram account in the staff group", async ({ browser }) => {
  const page = await openInbox(browser, PEOPLE.ada.email, "/settings/telegram");
  await page.getByRole("button", { name: "Get a link code" }).click();
  await expect(page.getByTestId("staff-link-code")).toContainText(/\/iam [2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/);
  await page.context().close();
});
