import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { expect, test } from "@playwright/test";

// An attacker with no account posts BigCommerce webhooks, each naming a different ~900 KB store
// hash. Each lookup used to be cached until the heap ran out (about 225 requests) and the process
// exited. Measured on the e2e server process itself: it keeps answering, and its resident memory
// stays within 50 MB of where it started.

const REQUESTS = 225;
const CONCURRENCY = 8;
const HASH_BYTES = 900_000;

/** The e2e server (playwright.config.ts's webServer) of this checkout. */
function serverPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      // The node process itself, not the shell Playwright started it through.
      const isNode = argv[0] === process.execPath || argv[0]?.endsWith("/node") || argv[0] === "node";
      if (isNode && argv.includes("e2e/start-server.ts") && readlinkSync(`/proc/${entry}/cwd`) === process.cwd()) return Number(entry);
    } catch {
      // A process that ended meanwhile, or one we may not read.
    }
  }
  throw new Error("the e2e server process was not found");
}

function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((row) => row.startsWith("VmRSS:"))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

test("225 webhooks naming 900 KB store hashes leave the server answering, its memory flat", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const pid = serverPid();
  const before = residentMb(pid);
  // A node server, not a shell: well over 50 MB resident.
  expect(before).toBeGreaterThan(100);
  const padding = "a".repeat(HASH_BYTES);
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const index = next++;
        const response = await fetch(`${baseURL}/api/webhooks/bigcommerce`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ store_hash: `h${index}${padding}`, scope: "x" }),
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    }),
  );
  const health = await fetch(`${baseURL}/api/health`);
  expect(health.status).toBe(200);
  // Garbage is collected when V8 chooses: allow it a few seconds before reading the figure.
  await expect.poll(() => residentMb(pid) - before, { timeout: 15_000, intervals: [500] }).toBeLessThan(50);
  // Refused for what they are (no such store hash), before any lookup.
  expect(statuses).toHaveLength(REQUESTS);
  expect(new Set(statuses)).toEqual(new Set([400]));
});
