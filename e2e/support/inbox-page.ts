import { expect, type Browser, type Page } from "@playwright/test";
import { signInBrowser } from "./browser-session.ts";

/** An inbox page signed in as `email`, connected live, marked so a reload would be noticed. */
export async function openInbox(browser: Browser, email: string, path = "/inbox", viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await signInBrowser(await browser.newContext({ viewport }), email);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await page.evaluate(() => ((window as unknown as { ternNoReload: boolean }).ternNoReload = true));
  return page;
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { ternNoReload?: boolean }).ternNoReload)).toBe(true);
}

/**
 * Switches the queue to one of its views ("Open", "Watching", "All", …). A new order's ticket is
 * only watched (listed under Watching, not Open) until something needs a person: specs that follow
 * an order from its webhook look for it under All.
 */
export async function showView(page: Page, view: string): Promise<void> {
  const button = page.getByRole("group", { name: "Views" }).getByRole("button", { name: view, exact: true });
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
}
