import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { claimInboundEvents } from "./claim-inbound-events.ts";
import { PermanentEventError, type InboundEventForProcessing } from "./inbound-event-types.ts";
import { processInboundEvent } from "./process-inbound-event.ts";
import { recordInboundEvent } from "./record-inbound-event.ts";
import { runInboundBatch } from "./run-inbound-batch.ts";
import { settleInboundEvent } from "./settle-inbound-event.ts";
import { startInboundWorker } from "./start-inbound-worker.ts";

async function record(storeId: string, payload: unknown = {}) {
  return recordInboundEvent(db(), { storeId, source: "BIGCOMMERCE", dedupeKey: `test:${randomUUID()}`, kind: "test", payload });
}

function event(id: string) {
  return db().inboundEvent.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, error: true, nextAttemptAt: true, lockedBy: true, processedAt: true } });
}

/** Stands in for time passing: the event's next attempt (or lease end) is now. */
async function makeDue(storeId: string): Promise<void> {
  await db().inboundEvent.updateMany({ where: { storeId, status: { in: ["FAILED", "PROCESSING"] } }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("recordInboundEvent", () => {
  it("stores once per dedupe key, returning the stored id for duplicates", async () => {
    const store = await createStore();
    const input = { storeId: store.id, source: "TELEGRAM" as const, dedupeKey: `tg:${randomUUID()}`, kind: "message", payload: { update_id: 1 } };
    const results = await Promise.all(Array.from({ length: 10 }, () => recordInboundEvent(db(), input)));
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await db().inboundEvent.count({ where: { dedupeKey: input.dedupeKey } })).toBe(1);
  });
});

describe("recordInboundEvent in a transaction", () => {
  it("is part of the caller's transaction (rolled back with it), not of a shared batch", async () => {
    const store = await createStore();
    const dedupeKey = `tx:${randomUUID()}`;
    await expect(
      db().$transaction(async (tx) => {
        const recorded = await recordInboundEvent(tx, { storeId: store.id, source: "BIGCOMMERCE", dedupeKey, kind: "test", payload: {} });
        expect(recorded.duplicate).toBe(false);
        expect(await tx.inboundEvent.count({ where: { dedupeKey } })).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db().inboundEvent.count({ where: { dedupeKey } })).toBe(0);
  });

  it("fails only the bad row of a shared batch", async () => {
    const store = await createStore();
    const good = Array.from({ length: 10 }, () => recordInboundEvent(db(), { storeId: store.id, source: "BIGCOMMERCE", dedupeKey: `ok:${randomUUID()}`, kind: "test", payload: {} }));
    // A store id that does not exist violates the foreign key.
    const bad = recordInboundEvent(db(), { storeId: randomUUID(), source: "BIGCOMMERCE", dedupeKey: `bad:${randomUUID()}`, kind: "test", payload: {} });
    const results = await Promise.allSettled([...good, bad]);
    expect(results.slice(0, 10).every((result) => result.status === "fulfilled")).toBe(true);
    expect(results[10]!.status).toBe("rejected");
  });
});

describe("runInboundBatch", () => {
  it("retries with backoff, keeping the error, then succeeds", async () => {
    const store = await createStore();
    const { id } = await record(store.id);
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw new Error(`BigCommerce said 503 (try ${calls})`);
    };
    const first = await runInboundBatch(db(), { workerId: "w1", storeId: store.id, process: flaky });
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const failed = await event(id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, error: "Error: BigCommerce said 503 (try 1)", lockedBy: null });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing to claim.
    expect((await runInboundBatch(db(), { workerId: "w1", storeId: store.id, process: flaky })).claimed).toBe(0);

    await makeDue(store.id);
    await runInboundBatch(db(), { workerId: "w1", storeId: store.id, process: flaky });
    await makeDue(store.id);
    expect(await runInboundBatch(db(), { workerId: "w1", storeId: store.id, process: flaky })).toMatchObject({ processed: 1 });
    expect(await event(id)).toMatchObject({ status: "PROCESSED", attempts: 3, error: null });
  });

  it("dead-letters after the last attempt, and at once on a PermanentEventError", async () => {
    const store = await createStore();
    const flaky = await record(store.id, { kind: "flaky" });
    const broken = await record(store.id, { kind: "broken" });
    const processor = async (_db: unknown, claimed: InboundEventForProcessing) => {
      if ((claimed.payload as { kind: string }).kind === "broken") throw new PermanentEventError("cannot parse this");
      throw new Error("still failing");
    };
    for (let round = 0; round < 3; round += 1) {
      await runInboundBatch(db(), { workerId: "w1", storeId: store.id, process: processor, maxAttempts: 3 });
      await makeDue(store.id);
    }
    expect(await event(broken.id)).toMatchObject({ status: "DEAD", attempts: 1, error: "PermanentEventError: cannot parse this" });
    expect(await event(flaky.id)).toMatchObject({ status: "DEAD", attempts: 3, error: "Error: still failing (gave up after 3 attempts)" });
  });

  it("lets several workers share the queue without processing anything twice", async () => {
    const store = await createStore();
    const ids = await Promise.all(Array.from({ length: 60 }, () => record(store.id).then((result) => result.id)));
    const seen = new Map<string, number>();
    const processor = async (_db: unknown, claimed: InboundEventForProcessing) => {
      seen.set(claimed.id, (seen.get(claimed.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const worker = async (workerId: string) => {
      while ((await runInboundBatch(db(), { workerId, storeId: store.id, limit: 4, process: processor })).claimed > 0);
    };
    await Promise.all([worker("a"), worker("b"), worker("c")]);
    expect(seen.size).toBe(60);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(await db().inboundEvent.count({ where: { id: { in: ids }, status: "PROCESSED" } })).toBe(60);
  });

  it("gives an abandoned claim to another worker after its lease, and fences the late one out", async () => {
    const store = await createStore();
    const { id } = await record(store.id);
    const [claimed] = await claimInboundEvents(db(), { workerId: "crashed", limit: 1, leaseMs: 60_000, storeId: store.id });
    expect(claimed?.id).toBe(id);
    // Leased: nobody else may take it.
    expect((await runInboundBatch(db(), { workerId: "healthy", storeId: store.id, process: async () => undefined })).claimed).toBe(0);
    await makeDue(store.id);
    expect(await runInboundBatch(db(), { workerId: "healthy", storeId: store.id, process: async () => undefined })).toMatchObject({ processed: 1 });
    // The first worker wakes up late: its outcome is not recorded.
    expect(await settleInboundEvent(db(), id, "crashed", { outcome: "dead", error: "late" })).toBe(false);
    expect(await event(id)).toMatchObject({ status: "PROCESSED", attempts: 2 });
  });
});

describe("leases", () => {
  it("are renewed while a slow event is worked on, so nobody takes it over", async () => {
    const store = await createStore();
    const { id } = await record(store.id);
    let runs = 0;
    const slow = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    };
    const working = runInboundBatch(db(), { workerId: "slow", storeId: store.id, leaseMs: 1_500, process: slow });
    const rivals: number[] = [];
    for (const wait of [2_000, 1_500]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      rivals.push((await runInboundBatch(db(), { workerId: "rival", storeId: store.id, leaseMs: 1_500, process: slow })).claimed);
    }
    expect(await working).toMatchObject({ processed: 1, lost: 0 });
    expect(rivals).toEqual([0, 0]);
    expect(runs).toBe(1);
    expect(await event(id)).toMatchObject({ status: "PROCESSED", attempts: 1 });
  });
});

describe("startInboundWorker", () => {
  it("wakes when an event is stored instead of waiting for its poll", async () => {
    const store = await createStore();
    const processed: string[] = [];
    const worker = startInboundWorker(db(), { workerId: "loop", storeId: store.id, pollMs: 10 * 60_000, process: async (_db, claimed) => void processed.push(claimed.id) });
    try {
      // Let the worker finish its first (empty) poll and go to sleep.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { id } = await record(store.id);
      await until(async () => processed, (list) => list.includes(id), "the worker to process the event");
    } finally {
      await worker.stop();
    }
  });
});

describe("startInboundWorker with two lanes", () => {
  it("claims an event stored while a slow batch is worked on without waiting for that batch", async () => {
    const store = await createStore();
    const processed: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const slowDone = new Promise<void>((resolve) => (releaseSlow = resolve));
    const slow = await record(store.id, { slow: true });
    const worker = startInboundWorker(db(), {
      workerId: "lanes",
      storeId: store.id,
      lanes: 2,
      batchSize: 4,
      pollMs: 10 * 60_000,
      process: async (_db, claimed) => {
        if ((claimed.payload as { slow?: boolean }).slow) await slowDone;
        processed.push(claimed.id);
      },
    });
    try {
      await until(async () => (await event(slow.id)).status, (status) => status === "PROCESSING", "the slow event to be claimed");
      const quick = await record(store.id);
      // The first lane is still inside its batch: only the second can have taken this one.
      await until(async () => processed, (list) => list.includes(quick.id), "the second lane to process the new event");
      expect(processed).toEqual([quick.id]);
      expect(await event(quick.id)).toMatchObject({ status: "PROCESSED", attempts: 1 });
    } finally {
      releaseSlow();
      await worker.stop();
    }
    expect(await event(slow.id)).toMatchObject({ status: "PROCESSED", attempts: 1 });
  });
});

describe("a worker killed mid-event", () => {
  let emulator: BigcommerceEmulator;
  let tern: RouteHandlerServer;
  let store: TestStore;
  let shop: EmulatedStore;

  beforeAll(async () => {
    emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
    tern = await serveRouteHandler(webhookRoute.POST);
    store = await createStore();
    shop = await connectEmulatedStore(emulator, store, { webhookDestination: `${tern.url}/api/webhooks/bigcommerce` });
  });

  afterAll(async () => {
    await tern?.close();
    await emulator?.close();
  });

  async function ticketsOf(orderId: number) {
    return db().ticket.findMany({ where: { storeId: store.id, bigcommerceOrderId: orderId }, select: { id: true } });
  }

  it("is processed once after restart (a separate worker process, SIGKILLed while reading the order)", async () => {
    const release = shop.hold(/^\/v2\/orders\/\d+$/);
    const order = shop.createOrder({ products: [{ name: "Kettle", sku: "K-1", price: 30 }] });
    await emulator.flushWebhooks();
    const { id } = await db().inboundEvent.findFirstOrThrow({ where: { storeId: store.id, kind: "store/order/created" }, select: { id: true } });

    const child = spawn(process.execPath, ["--import", "tsx", "lib/inbound/worker-cli.ts"], {
      env: { ...process.env, TERN_WORKER_ID: "doomed", TERN_WORKER_STORE_ID: store.id, TERN_WORKER_LEASE_MS: "1500", TERN_WORKER_POLL_MS: "100" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await until(() => event(id), (row) => row.status === "PROCESSING" && row.lockedBy === "doomed", "the child worker to claim the event");
    } finally {
      child.kill("SIGKILL");
      await exited;
      release();
    }
    expect(await ticketsOf(order.id)).toHaveLength(0);

    // "Restart": a new worker takes the event over once the dead one's lease has run out.
    await until(() => runInboundBatch(db(), { workerId: "restarted", storeId: store.id }), (batch) => batch.claimed > 0, "the lease to expire");
    expect(await event(id)).toMatchObject({ status: "PROCESSED", attempts: 2 });
    expect(await ticketsOf(order.id)).toHaveLength(1);
  });

  it("is processed once when it died after its changes committed but before recording so", async () => {
    const order = shop.createOrder({ products: [{ name: "Toaster", sku: "T-1", price: 40 }] });
    shop.addShipment(order.id, { trackingNumber: "1ZCRASH", carrier: "ups" });
    await emulator.flushWebhooks();
    // Worker A does all the work of every event for the order, then "dies" before settling.
    const claimed = await claimInboundEvents(db(), { workerId: "dies-late", limit: 10, leaseMs: 60_000, storeId: store.id });
    expect(claimed.length).toBeGreaterThan(0);
    for (const claim of claimed) await processInboundEvent(db(), claim);
    await makeDue(store.id);
    while ((await runInboundBatch(db(), { workerId: "restarted", storeId: store.id })).claimed > 0);

    const tickets = await ticketsOf(order.id);
    expect(tickets).toHaveLength(1);
    const thread = await db().message.findMany({ where: { ticketId: tickets[0]!.id }, select: { kind: true, body: true } });
    expect(thread.filter((message) => message.body.includes("tracking 1ZCRASH"))).toHaveLength(1);
    expect(thread.filter((message) => message.kind === "NOTE" && message.body.startsWith(`Order #${order.id} ·`))).toHaveLength(1);
    for (const claim of claimed) expect(await settleInboundEvent(db(), claim.id, "dies-late", { outcome: "processed" })).toBe(false);
  });
});
