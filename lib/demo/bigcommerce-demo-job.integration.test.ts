import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { readEnv } from "@/lib/config/env.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import { db } from "@/lib/db/client.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { bigcommerceDemoJob } from "./bigcommerce-demo-job.ts";
import { seedDemo } from "./seed-demo.ts";

// Demo mode's BigCommerce: the emulator starts beside Tern, the demo store is installed on it and
// simulated shoppers fill the inbox through the real webhook path.

let tern: RouteHandlerServer;

beforeAll(async () => {
  tern = await serveRouteHandler(webhookRoute.POST);
});

afterAll(async () => {
  await tern?.close();
});

describe("BigCommerce demo job", () => {
  it("fills the demo store's inbox with orders from the emulator", async () => {
    const { storeId } = await seedDemo(db());
    const env = { ...readEnv({ ...process.env, TERN_DEMO: "1", TERN_DEMO_TRAFFIC_MS: "100" }), PORT: Number(new URL(tern.url).port) };
    const logs: string[] = [];
    const stop = await bigcommerceDemoJob.start({ env, log: (line) => logs.push(line), instanceId: "demo-test" });
    try {
      // Generous: on a loaded 2-core machine (the whole integration suite at once) this took over 30 s once.
      const deadline = Date.now() + 50_000;
      let tickets = 0;
      let orders = 0;
      // Orders, not just tickets: a simulated return opens a second ticket on an order it already has.
      while ((tickets < 5 || orders < 5) && Date.now() < deadline) {
        await runInboundBatch(db(), { workerId: "demo", storeId, limit: 20 });
        tickets = await db().ticket.count({ where: { storeId, source: "BIGCOMMERCE" } });
        orders = await db().orderSnapshot.count({ where: { storeId } });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(tickets).toBeGreaterThanOrEqual(5);
    } finally {
      await stop();
    }
    expect(logs.some((line) => line.startsWith("BigCommerce emulator at http://127.0.0.1:"))).toBe(true);
    const store = await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { accessTokenEncrypted: true } });
    expect(openSecret(store.accessTokenEncrypted!)).toMatch(/^emulated-/);
    const snapshots = await db().orderSnapshot.findMany({ where: { storeId }, select: { products: true } });
    expect(snapshots.length).toBeGreaterThanOrEqual(5);
    expect(await db().inboundEvent.count({ where: { storeId, status: "DEAD" } })).toBe(0);
  }, 70_000);
});
