import { expect, test, type Page } from "@playwright/test";
import { signPayload } from "@/lib/emulators/bigcommerce/sign-payload.ts";
import { startControlPanel, type ControlPanel } from "./support/control-panel.ts";
import { E2E_APP } from "./support/emulator-ports.ts";
import { saveScreenshot } from "./support/screenshots.ts";

// The app as a merchant meets it: the emulated control panel (another site, 127.0.0.1) shows Tern
// (localhost) in an iframe; install, load and the session cookie all happen inside that iframe.

const OWNER = { id: 51001, email: "owner@e2e-shop.test" };
const STAFF = { id: 51002, email: "staff@e2e-shop.test" };

let panel: ControlPanel;
let tern: string;

test.beforeAll(async ({ baseURL }) => {
  tern = new URL(baseURL!).origin;
  panel = await startControlPanel(baseURL!);
});

test.afterAll(async () => {
  await panel?.close();
});

function newStoreHash(): string {
  return `e2e${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

function panelUrl(kind: "install" | "open", storeHash: string, user: { id: number; email: string }): string {
  return panel.url(kind, storeHash, user, OWNER);
}

async function appFrame(page: Page) {
  await expect(page.locator("#app-frame")).toBeVisible();
  return page.frameLocator("#app-frame");
}

test("a merchant installs Tern from the control panel: BigDesign pages render styled in the iframe, and the admin connects a Telegram bot", async ({ page, context }, testInfo) => {
  const storeHash = newStoreHash();
  await page.goto(panelUrl("install", storeHash, OWNER));
  const app = await appFrame(page);

  await expect(app.getByRole("heading", { name: "Tern", level: 1 })).toBeVisible();
  const connection = app.getByTestId("connection-panel");
  await expect(connection).toContainText(storeHash);
  await expect(connection).toContainText("connected");
  await expect(app.getByText("Registered", { exact: true })).toBeVisible();

  // Styled by BigDesign, not bare HTML: styled-components' sheet is in the document, and a panel
  // and the primary tab carry BigDesign's theme (white card with a shadow, blue selected tab).
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${tern}/admin`))!;
  expect(frame).toBeTruthy();
  expect(await frame.locator("style[data-styled]").count()).toBeGreaterThan(0);
  const panelStyle = await connection.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, shadow: style.boxShadow, radius: style.borderTopLeftRadius };
  });
  expect(panelStyle.background).toBe("rgb(255, 255, 255)");
  expect(panelStyle.shadow).not.toBe("none");
  const bodyFont = await frame.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(bodyFont).toContain("Source Sans");
  await saveScreenshot(page, testInfo, "bigcommerce-app-connection");

  // The session lives in a cookie made for a cross-site iframe.
  const session = (await context.cookies(tern)).find((cookie) => cookie.name === "next-auth.session-token");
  expect(session).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });

  await app.getByRole("tab", { name: "Telegram bot" }).click();
  await expect(app.getByTestId("telegram-status")).toContainText("not connected");
  await app.getByLabel("Bot token").fill(panel.bot.token);
  await app.getByRole("button", { name: "Connect bot" }).click();
  await expect(app.getByText("The bot is connected")).toBeVisible();
  const status = app.getByTestId("telegram-status");
  await expect(status).toContainText(`@${panel.bot.username}`);
  await expect(status).toContainText("Set to Tern");
  await saveScreenshot(page, testInfo, "bigcommerce-app-telegram");

  // The token is never shown back, and a wrong one is refused with a clear message.
  await expect(app.getByLabel("Bot token")).toHaveValue("");
  await app.getByLabel("Bot token").fill("7000000002:not-a-token-telegram-knows-xyz");
  await app.getByRole("button", { name: "Replace bot" }).click();
  await expect(app.getByText("Telegram does not accept this bot token")).toBeVisible();
  await expect(status).toContainText(`@${panel.bot.username}`);
});

test("opening the app signs each BigCommerce user into their store: a new staff member lands in the inbox as an agent", async ({ page }) => {
  const storeHash = newStoreHash();
  await page.goto(panelUrl("install", storeHash, OWNER));
  await expect((await appFrame(page)).getByTestId("connection-panel")).toBeVisible();

  await page.context().clearCookies();
  await page.goto(panelUrl("open", storeHash, STAFF));
  const app = await appFrame(page);
  await expect(app.getByRole("heading", { name: "Queue" })).toBeVisible();
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith(`${tern}/inbox`))).toBe(true);

  // An agent has no business in the admin pages.
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${tern}/inbox`))!;
  await frame.goto(`${tern}/admin/telegram`);
  await expect(app.getByText("Not for your role")).toBeVisible();
});

test("a forged payload gets a 401 page in the iframe and no session", async ({ page, context }) => {
  const storeHash = newStoreHash();
  await page.goto(panelUrl("install", storeHash, OWNER));
  await expect((await appFrame(page)).getByTestId("connection-panel")).toBeVisible();
  await context.clearCookies();

  const forged = await signPayload({ clientId: E2E_APP.clientId, clientSecret: "not-the-app-secret", storeHash, user: OWNER });
  const response = await page.goto(`${tern}/api/bigcommerce/load?signed_payload_jwt=${forged}`);
  expect(response?.status()).toBe(401);
  await expect(page.getByText("Tern could not open")).toBeVisible();
  expect((await context.cookies(tern)).filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);
});

test("every admin section opens inside the control panel and loads its data", async ({ page }, testInfo) => {
  const storeHash = newStoreHash();
  await page.goto(panelUrl("install", storeHash, OWNER));
  const app = await appFrame(page);
  await expect(app.getByTestId("connection-panel")).toBeVisible();

  const sections: Array<[tab: string, expected: string]> = [
    ["Agents and roles", OWNER.email],
    ["Routing", "Assign new tickets automatically"],
    ["SLA", "Add an SLA policy"],
    ["Dead letters", "Nothing here: every event was processed."],
    ["Refund approvals", "No refund is waiting."],
    ["Store settings", "Refunds above this amount need a supervisor's approval"],
  ];
  for (const [tab, expected] of sections) {
    await app.getByRole("tab", { name: tab }).click();
    await expect(app.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(app.getByText(expected).first()).toBeVisible();
    await saveScreenshot(page, testInfo, `bigcommerce-app-${tab.toLowerCase().replace(/\W+/g, "-")}`);
  }

  // A change from the SLA page goes through the SLA API and shows at once.
  await app.getByRole("tab", { name: "SLA" }).click();
  await expect(app.getByText("Add an SLA policy")).toBeVisible();
  await app.getByLabel(/^Name/).fill("VIP urgent");
  await app.getByRole("button", { name: "Add policy" }).click();
  await expect(app.getByRole("cell", { name: "VIP urgent" })).toBeVisible();

  // Store settings save.
  await app.getByRole("tab", { name: "Store settings" }).click();
  await expect(app.getByLabel("Store name in Tern")).toBeVisible();
  await app.getByLabel("Refunds above this amount need a supervisor's approval").fill("250");
  await app.getByRole("button", { name: "Save" }).click();
  await expect(app.getByText("Store settings saved.")).toBeVisible();
});
