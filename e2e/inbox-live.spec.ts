import { expect, test } from "@playwright/test";
import { apiSession } from "./support/api-session.ts";

const agent = { email: "ada@tern.example", password: "tern-demo" };
const supervisor = { email: "supervisor@tern.example", password: "tern-demo" };

test("an agent signs in, sees the queue, and a ticket created through /api/v1 appears without reload", async ({ page, baseURL }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(agent.email);
  await page.getByLabel("Password").fill(agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  // Mark the page so a reload would be noticed.
  await page.evaluate(() => ((window as unknown as { ternNoReload: boolean }).ternNoReload = true));

  const api = await apiSession(baseURL!, supervisor.email, supervisor.password);
  const subject = `Where is my order? ${Date.now()}`;
  const created = await api.post("/api/v1/tickets", {
    data: { subject, body: "My parcel has not arrived.", priority: "HIGH", customer: { email: "carol@example.com", name: "Carol" } },
  });
  expect(created.status()).toBe(201);
  const { ticket } = (await created.json()) as { ticket: { id: string; number: number } };

  const row = page.locator(`[data-ticket-id="${ticket.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(subject);
  await expect(row).toContainText(`#${ticket.number}`);
  // Routing may hand it to an available agent at once.
  await expect(row.getByTestId("queue-item-status")).toHaveText(/Awaiting Agent|Agent Assigned/);

  // A later change to the same ticket updates the row in place (the Open view keeps waiting tickets).
  const patched = await api.patch(`/api/v1/tickets/${ticket.id}`, { data: { status: "WAITING_ON_CUSTOMER" } });
  expect(patched.status()).toBe(200);
  await expect(row.getByTestId("queue-item-status")).toHaveText("Waiting on Customer");

  expect(await page.evaluate(() => (window as unknown as { ternNoReload?: boolean }).ternNoReload)).toBe(true);
  await api.dispose();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(agent.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next.js keeps its own empty route-announcer alert on every page; find ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
