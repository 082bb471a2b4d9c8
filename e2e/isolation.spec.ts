import { expect, test, type Frame, type Page } from "@playwright/test";
import { startControlPanel, type ControlPanel } from "./support/control-panel.ts";

// Two stores install Tern; each admin, inside the control panel's iframe, sees only their store
// in the inbox and the admin pages, and gets a 404 for the other store's ticket id.

let panel: ControlPanel;
let tern: string;

test.beforeAll(async ({ baseURL }) => {
  tern = new URL(baseURL!).origin;
  panel = await startControlPanel(baseURL!);
});

test.afterAll(async () => {
  await panel?.close();
});

async function installStore(page: Page, owner: { id: number; email: string }): Promise<{ hash: string; frame: Frame }> {
  const hash = `iso${Date.now().toString(36)}${owner.id}`;
  await page.goto(panel.url("install", hash, owner));
  await expect(page.frameLocator("#app-frame").getByTestId("connection-panel")).toContainText(hash);
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${tern}/admin`));
  if (!frame) throw new Error("the app did not open in the iframe");
  return { hash, frame };
}

/** A ticket created from inside the app's iframe, as the app's own pages would (same-origin fetch with the session cookie). */
async function createTicketInFrame(frame: Frame, subject: string): Promise<string> {
  return frame.evaluate(async (body) => {
    const response = await fetch("/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`ticket not created: ${response.status}`);
    return ((await response.json()) as { ticket: { id: string } }).ticket.id;
  }, { subject });
}

test("an admin of one store sees nothing of another store's tickets or people, in the inbox, the admin pages and the API", async ({ browser }) => {
  const marker = `alpha-${Date.now().toString(36)}`;
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();

  const storeA = await installStore(pageA, { id: 61001, email: `${marker}@store-a.test` });
  const ticketA = await createTicketInFrame(storeA.frame, `${marker} parcel lost`);
  const storeB = await installStore(pageB, { id: 62001, email: "owner@store-b.test" });
  await createTicketInFrame(storeB.frame, "B's own ticket");

  const appB = pageB.frameLocator("#app-frame");
  await storeB.frame.goto(`${tern}/inbox`);
  await expect(appB.getByText("B's own ticket")).toBeVisible();
  await expect(appB.locator("body")).not.toContainText(marker);

  await storeB.frame.goto(`${tern}/admin/agents`);
  await expect(appB.getByText("owner@store-b.test")).toBeVisible();
  await expect(appB.locator("body")).not.toContainText(marker);

  const status = await storeB.frame.evaluate(async (id) => (await fetch(`/api/v1/tickets/${id}`)).status, ticketA);
  expect(status).toBe(404);

  // Store A still sees its own ticket.
  const appA = pageA.frameLocator("#app-frame");
  await storeA.frame.goto(`${tern}/inbox`);
  await expect(appA.getByText(`${marker} parcel lost`)).toBeVisible();

  await contextA.close();
  await contextB.close();
});
