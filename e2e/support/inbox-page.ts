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
