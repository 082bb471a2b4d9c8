import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { readEnv } from "@/lib/config/env.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import { db } from "@/lib/db/client.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { freePort } from "@/lib/server/free-port.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { bigcommerceDemoJob } from "./bigcommerce-demo-job.ts";
import { DEMO_STORE_HASH, seedDemo } from "./seed-demo.ts";
import { startDemoEmulators, type DemoEmulators } from "./start-demo-emulators.ts";

// Demo mode's BigCommerce: the emulator starts beside Tern, the demo store is installed on it and
// simulated shoppers fill the inbox through the real webhook path; a restart keeps the store.

let tern: RouteHandlerServer;
const dataDir = mkdtempSync(path.join(tmpdir(), "tern-demo-job-"));

beforeAll(async () => {
  tern = await serveRouteHandler(webhookRoute.POST);
});

afterAll(async () => {
  await tern?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startDemo(trafficMs: number): Promise<{ emulators: DemoEmulators; stop: () => Promise<void>; logs: string[] }> {
  const emulators = await startDemoEmulators({ dataDir, ports: { bigcommerce: await freePort(), telegram: null }, log: () => undefined });
  // Tests give the process its configuration through the environment (lib/config/runtime-config.ts).
  process.env.BIGCOMMERCE_API_URL = emulators.bigcommerce.url;
  const env = { ...readEnv({ ...process.env, TERN_DEMO: "1", TERN_DEMO_TRAFFIC_MS: String(trafficMs) }), PORT: Number(new URL(tern.url).port) };
  const logs: string[] = [];
  const stopJob = await bigcommerceDemoJob.start({ env, log: (line) => logs.push(line), instanceId: "demo-test", demo: emulators });
  return {
    emulators,
    logs,
    stop: async () => {
      await stopJob();
      await emulators.close();
    },
  };
}

async function processUntil(storeId: string, done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done()) && Date.now() < deadline) {
    await runInboundBatch(db(), { workerId: "demo", storeId, limit: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("BigCommerce demo job", () => {
  it("fills the demo store's inbox with orders from the emulator, and keeps the store across a restart", async () => {
    const { storeId } = await seedDemo(db());
    const first = await startDemo(100);
    try {
      // Generous: on a loaded 2-core machine (the whole integration suite at once) this took over 30 s once.
      // Orders, not just tickets: a simulated return opens a second ticket on an order it already has.
      await processUntil(
        storeId,
        async () => (await db().ticket.count({ where: { storeId, source: "BIGCOMMERCE" } })) >= 5 && (await db().orderSnapshot.count({ where: { storeId } })) >= 5,
        50_000,
      );
      expect(await db().ticket.count({ where: { storeId, source: "BIGCOMMERCE" } })).toBeGreaterThanOrEqual(5);
    } finally {
      await first.stop();
    }
    expect(first.logs.some((line) => line.startsWith("BigCommerce emulator at http://127.0.0.1:"))).toBe(true);
    const store = await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { accessTokenEncrypted: true } });
    expect(openSecret(store.accessTokenEncrypted!)).toMatch(/^emulated-/);
    const snapshots = await db().orderSnapshot.findMany({ where: { storeId }, select: { products: true } });
    expect(snapshots.length).toBeGreaterThanOrEqual(5);

    // Events stored but not yet processed when Tern stopped: after the restart their orders still exist.
    const lastOrderBefore = Math.max(...first.emulators.bigcommerce.store(DEMO_STORE_HASH).orders.keys());
    const second = await startDemo(0);
    try {
      const shop = second.emulators.bigcommerce.store(DEMO_STORE_HASH);
      expect(shop.orders.has(lastOrderBefore)).toBe(true);
      const next = shop.createOrder({ guest: { email: "after.restart@example.com", firstName: "After", lastName: "Restart" }, products: [{ name: "Map", sku: "MAP-1", price: 12 }] });
      expect(next.id).toBe(lastOrderBefore + 1);
      await second.emulators.bigcommerce.flushWebhooks();
      await processUntil(storeId, async () => (await db().orderSnapshot.count({ where: { storeId, bigcommerceOrderId: next.id } })) === 1, 20_000);
      expect(await db().orderSnapshot.count({ where: { storeId, bigcommerceOrderId: next.id } })).toBe(1);
    } finally {
      await second.stop();
    }
    expect(await db().inboundEvent.count({ where: { storeId, status: "DEAD" } })).toBe(0);
  }, 90_000);
});
