import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, PEOPLE, DEMO_PASSWORD } from "./support/browser-session.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// The SLA scheduler runs in the e2e server as in production (every TERN_SLA_SWEEP_MS, 5 s by
// default). The ticket gets a real, short target: a 20-second first-response policy for Low
// priority, warning at half of it, so it is at risk after ~10 s and breached after ~20 s, and an
// escalation policy for its category. Nothing is backdated; the page is never reloaded.

const CATEGORY = "e2e-sla-breach";

type Created = { policyId: string; escalationId: string };

async function createPolicies(api: APIRequestContext): Promise<Created> {
  const policy = await api.post("/api/v1/sla-policies", {
    data: { name: "E2E low: 20 seconds", priority: "LOW", firstResponseSeconds: 20, resolutionSeconds: 3600, warnAtShare: 0.5 },
  });
  expect(policy.status(), await policy.text()).toBe(201);
  const escalation = await api.post("/api/v1/escalation-policies", { data: { name: "E2E breach escalation", category: CATEGORY, thresholdShare: 1 } });
  expect(escalation.status(), await escalation.text()).toBe(201);
  return {
    policyId: ((await policy.json()) as { policy: { id: string } }).policy.id,
    escalationId: ((await escalation.json()) as { policy: { id: string } }).policy.id,
  };
}

test.describe("supervisor dashboard", () => {
  let created: Created | undefined;

  test.afterEach(async ({ playwright, baseURL }) => {
    if (!created) return;
    // Other specs share the demo store: leave no 20-second policy behind.
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    await api.delete(`/api/v1/sla-policies/${created.policyId}`);
    await api.delete(`/api/v1/escalation-policies/${created.escalationId}`);
    created = undefined;
    await api.dispose();
  });

  test("a ticket breaching its first-response target shows at risk, then breached and escalated, without reload", async ({ page, playwright, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    created = await createPolicies(api);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/login");
    await page.getByLabel("Email").fill(PEOPLE.supervisor.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/inbox/);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Supervisor dashboard" })).toBeVisible();
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
    await expect(page.getByTestId("card-open")).toBeVisible();
    await page.evaluate(() => ((window as unknown as { ternNoReload: boolean }).ternNoReload = true));

    const response = await api.post("/api/v1/tickets", {
      data: { subject: `Parcel never arrived ${Date.now()}`, priority: "LOW", category: CATEGORY, customer: { email: "breach@example.com", name: "Bea" } },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { ticket } = (await response.json()) as { ticket: { id: string; number: number; firstResponseDueAt: string } };
    // The policy applied: due 20 seconds after creation.
    expect(Date.parse(ticket.firstResponseDueAt) - Date.now()).toBeLessThanOrEqual(20_000);

    const atRisk = page.getByTestId("sla-at-risk").locator(`tr[data-ticket-number="${ticket.number}"][data-clock="FIRST_RESPONSE"]`);
    await expect(atRisk).toBeVisible({ timeout: 30_000 });
    await saveScreenshot(page, testInfo, "dashboard-at-risk");

    const breached = page.getByTestId("sla-breached").locator(`tr[data-ticket-number="${ticket.number}"][data-clock="FIRST_RESPONSE"]`);
    await expect(breached).toBeVisible({ timeout: 30_000 });
    await expect(atRisk).toHaveCount(0);
    // The escalation policy moved it to Escalated in the same pass that recorded the breach.
    await expect(breached.getByTestId("clock-ticket-status")).toHaveText("Escalated", { timeout: 15_000 });
    await expect(page.getByTestId("sla-events").getByText(`#${ticket.number}`).first()).toBeVisible();
    await saveScreenshot(page, testInfo, "dashboard-breached");

    const detail = await api.get(`/api/v1/tickets/${ticket.id}`);
    const { ticket: escalated, messages } = (await detail.json()) as {
      ticket: { status: string; teamId: string | null; firstResponseBreached: boolean };
      messages: { body: string; meta: { reason?: string } | null }[];
    };
    expect(escalated).toMatchObject({ status: "ESCALATED", firstResponseBreached: true });
    expect(escalated.teamId).not.toBeNull();
    expect(messages.some((message) => message.meta?.reason === "SLA first response target: escalated by policy “E2E breach escalation”")).toBe(true);

    expect(await page.evaluate(() => (window as unknown as { ternNoReload?: boolean }).ternNoReload)).toBe(true);
    await api.dispose();
  });

  test("a date range with From after To is said at the fields, and the figures stay those of the last good range", async ({ page, playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.supervisor.email);
    await page.context().addCookies((await api.storageState()).cookies);
    await page.goto("/dashboard");
    const updated = page.getByTestId("dashboard-updated");
    await expect(updated).toBeVisible();
    const before = await updated.textContent();
    await page.getByLabel("To", { exact: true }).fill("2026-11-01");
    await page.getByLabel("From", { exact: true }).fill("2026-11-20");
    await expect(page.getByTestId("dashboard-range-problem")).toContainText("“From” is after “To”");
    // No request for the impossible range: the figures (and their range in the header) are unchanged.
    await expect(updated).toContainText(before!.split(" · ")[0]!);
    await page.getByLabel("From", { exact: true }).fill("2026-10-25");
    await expect(page.getByTestId("dashboard-range-problem")).toHaveCount(0);
    await expect(updated).toContainText("2026-10-25 to 2026-11-01");
    await api.dispose();
  });

  test("agents cannot open the dashboard or its API", async ({ page, playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    await signIn(api, PEOPLE.ada.email);
    expect((await api.get("/api/v1/metrics/dashboard")).status()).toBe(403);
    await page.context().addCookies((await api.storageState()).cookies);
    await page.goto("/dashboard");
    // Next keeps its own empty route-announcer alert on every page: find ours by its text.
    await expect(page.getByRole("alert").filter({ hasText: "The dashboard is for supervisors" })).toBeVisible();
    await api.dispose();
  });
});
