import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "..", "artifacts");

/** Saves a full-page screenshot under e2e/artifacts/ (gitignored) and attaches it to the test's report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  return file;
}
