import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.TERN_E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report (path from PLAYWRIGHT_JSON_OUTPUT_FILE) feeds the closing count of `npm test`.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium: Playwright downloads no browser here.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    // node itself (not npx) so that the SIGTERM below reaches the server and it drops its database.
    command: "node --import tsx e2e/start-server.ts",
    url: `http://localhost:${port}/api/health`,
    env: { TERN_E2E_PORT: String(port) },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server drop its test database on the way out.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
