// Ingestion benchmark: how fast Tern acknowledges BigCommerce webhooks, how fast they become
// tickets, and PostgreSQL's own single-row insert rate on this machine as the ceiling.
//
// It starts its own database (a fresh one on DATABASE_URL's server, else an embedded PostgreSQL)
// and serves the exported POST handler of app/api/webhooks/bigcommerce/route.ts from a bare
// node:http server: the real route code over real HTTP, without a Next build in front. Load comes
// from a worker thread over loopback keep-alive connections, bounded in count and time.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { configFromEnvironment, installRuntimeConfig } from "@/lib/config/runtime-config.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startInboundWorker } from "@/lib/inbound/start-inbound-worker.ts";
import { bigcommerceWebhookRoute } from "@/lib/server/direct-routes.ts";
import { serveDirectHandler } from "@/lib/testing/serve-route-handler.ts";
import { createTestDatabase } from "@/tests/test-database.ts";
import type { Benchmark, BenchRow } from "./bench-types.ts";
import { fmt, percentile } from "./stats.ts";
import { createBenchStore, runLoadWorker, type LoadResult } from "./webhook-load.ts";

const POOL_SIZE = Number(process.env.TERN_DB_POOL_SIZE ?? 10);
// The ceiling and the acks are measured in alternating slices, so a neighbour's load on the
// machine (CI, other jobs) weighs on both alike rather than on whichever ran at a bad moment.
const ROUNDS = 4;
const CEILING_SLICE_MS = 1_500;
const CLOSED_LOOP = { concurrency: 32, durationMs: 2_500, maxRequests: 50_000 };
const OPEN_LOOP = { rate: 500, durationMs: 5_000 };
const E2E_ORDERS = 300;
const E2E_WORKERS = 2;


function merge(results: LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const result of results) for (const [status, count] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  return {
    latenciesMs: results.flatMap((result) => result.latenciesMs),
    statuses,
    elapsedMs: results.reduce((sum, result) => sum + result.elapsedMs, 0),
    sent: results.reduce((sum, result) => sum + result.sent, 0),
  };
}

function summary(result: LoadResult) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const ok = result.statuses["200"] ?? 0;
  return { ok, failed: result.sent - ok, elapsedMs: result.elapsedMs, perSecond: (ok / result.elapsedMs) * 1000, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/**
 * PostgreSQL's own single-row insert rate: autocommit INSERTs into a copy of InboundEvent (same
 * columns, defaults and indexes), from as many connections as Tern's pool has.
 */
async function openCeiling(url: string, payload: string) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  await pool.query(`CREATE TABLE bench_ceiling (LIKE "InboundEvent" INCLUDING ALL)`);
  const insert = () =>
    pool.query(`INSERT INTO bench_ceiling (id, "storeId", source, "dedupeKey", kind, payload) VALUES ($1, NULL, 'BIGCOMMERCE', $2, 'store/order/updated', $3::jsonb)`, [randomUUID(), randomUUID(), payload]);
  const slice = async (ms: number) => {
    let count = 0;
    const until = Date.now() + ms;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: POOL_SIZE }, async () => {
        while (Date.now() < until) {
          await insert();
          count += 1;
        }
      }),
    );
    return { count, elapsedMs: performance.now() - started };
  };
  return {
    slice,
    close: async () => {
      await pool.query("DROP TABLE bench_ceiling");
      await pool.end();
    },
  };
}

async function run(log: (line: string) => void): Promise<BenchRow[]> {
  const database = await createTestDatabase("tern_bench");
  process.env.DATABASE_URL = database.url;
  process.env.TERN_ENCRYPTION_KEY ??= "bench-encryption-key";
  const emulator = await startBigcommerceEmulator({ rateLimit: { quota: 1_000_000 } });
  process.env.BIGCOMMERCE_API_URL = emulator.url;
  // As a server does: the configuration decided once, not read from the environment on every call.
  installRuntimeConfig(configFromEnvironment(process.env));
  const tern = await serveDirectHandler(bigcommerceWebhookRoute);
  const rows: BenchRow[] = [];
  try {
    const { store, shop, webhookSecret } = await createBenchStore(emulator, "Bench store", "bench");
    const url = `${tern.url}/api/webhooks/bigcommerce`;
    const headers = { "X-Tern-Webhook-Secret": webhookSecret };
    const base = { url, headers, storeHash: store.bigcommerceHash };
    log(`database ${new URL(database.url).host}/${new URL(database.url).pathname.slice(1)}; Tern's pool ${POOL_SIZE} connections`);
    log("Tern endpoint: POST /api/webhooks/bigcommerce as server.ts answers it (a direct route, lib/server/direct-routes.ts), from a bare node:http server (no Next build)");

    const samplePayload = JSON.stringify({ scope: "store/order/updated", store_id: "1001", data: { type: "order", id: 1 }, hash: "x".repeat(40), created_at: 1_700_000_000, producer: `stores/${store.bigcommerceHash}` });
    const ceilingTable = await openCeiling(database.url, samplePayload);
    // Warm-up, both sides: JIT, connection pools, the store cache.
    await ceilingTable.slice(500);
    await runLoadWorker({ ...base, mode: "closed", concurrency: 8, durationMs: 1_000, maxRequests: 5_000 });
    let inserted = 0;
    let insertMs = 0;
    const ackRuns: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const slice = await ceilingTable.slice(CEILING_SLICE_MS);
      inserted += slice.count;
      insertMs += slice.elapsedMs;
      ackRuns.push(await runLoadWorker({ ...base, mode: "closed", ...CLOSED_LOOP }));
    }
    await ceilingTable.close();
    const ceiling = (inserted / insertMs) * 1000;
    const closed = summary(merge(ackRuns));
    log(`PostgreSQL ceiling: ${fmt(ceiling)} inserts/s`);
    log(`closed loop: ${fmt(closed.perSecond)} acks/s, p50 ${fmt(closed.p50, 1)} ms, p99 ${fmt(closed.p99, 1)} ms, ${closed.failed} failed`);
    const open = summary(await runLoadWorker({ ...base, mode: "open", concurrency: 64, ...OPEN_LOOP }));
    log(`open loop at ${OPEN_LOOP.rate}/s: p50 ${fmt(open.p50, 1)} ms, p99 ${fmt(open.p99, 1)} ms, ${open.failed} failed`);

    // End to end: a burst of order/created webhooks for orders the emulator has, processed by
    // in-process workers that read each order back over the API, until every ticket exists.
    const orderIds = Array.from({ length: E2E_ORDERS }, (_, index) =>
      shop.createOrder({ guest: { email: `buyer${index % 40}@example.com`, firstName: "Bench", lastName: `Buyer ${index % 40}` }, products: [{ name: "Widget", sku: "W-1", price: 10 }] }, { silent: true }).id,
    );
    // The ack-only runs left their events waiting: clear them so the workers see only this burst.
    await db().inboundEvent.deleteMany({ where: { storeId: store.id } });
    const workers = Array.from({ length: E2E_WORKERS }, (_, index) => startInboundWorker(db(), { workerId: `bench-${index}`, pollMs: 50 }));
    const started = performance.now();
    const sending = runLoadWorker({ ...base, mode: "closed", concurrency: 16, durationMs: 60_000, orderIds });
    let tickets = 0;
    const deadline = Date.now() + 120_000;
    while (tickets < E2E_ORDERS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      tickets = await db().ticket.count({ where: { storeId: store.id } });
    }
    const e2eMs = performance.now() - started;
    await sending;
    await Promise.all(workers.map((worker) => worker.stop()));
    const [lag] = await db().$queryRaw<{ p50: number; p99: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
      FROM (SELECT extract(epoch FROM ("processedAt" - "receivedAt")) * 1000 AS ms FROM "InboundEvent" WHERE "storeId" = ${store.id}::uuid AND status = 'PROCESSED') done`;
    const e2eRate = (tickets / e2eMs) * 1000;
    log(`end to end: ${tickets}/${E2E_ORDERS} tickets in ${fmt(e2eMs)} ms`);

    rows.push(
      {
        benchmark: "ingestion",
        metric: "PostgreSQL single-row INSERT (ceiling)",
        value: `${fmt(ceiling)} /s`,
        note: `${POOL_SIZE} connections, autocommit, into a copy of InboundEvent (same indexes); ${ROUNDS} slices alternating with the ack runs`,
      },
      {
        benchmark: "ingestion",
        metric: `webhook acks, closed loop (${CLOSED_LOOP.concurrency} keep-alive conns)`,
        value: `${fmt(closed.perSecond)} /s`,
        note: `${fmt((closed.perSecond / ceiling) * 100)}% of the ceiling (target ≥ 50%); ${fmt(closed.ok)} acks, ${closed.failed} failed`,
      },
      { benchmark: "ingestion", metric: "ack latency p50 / p99, closed loop", value: `${fmt(closed.p50, 1)} / ${fmt(closed.p99, 1)} ms`, note: "" },
      {
        benchmark: "ingestion",
        metric: `ack latency p50 / p99 at ${OPEN_LOOP.rate} req/s`,
        value: `${fmt(open.p50, 1)} / ${fmt(open.p99, 1)} ms`,
        note: `target p99 < 20 ms; open loop, ${fmt(open.ok)} acks in ${fmt(open.elapsedMs / 1000, 1)} s, ${open.failed} failed`,
      },
      {
        benchmark: "ingestion",
        metric: "end to end: webhook → ticket visible",
        value: `${fmt(e2eRate, 1)} events/s`,
        note: `${tickets}/${E2E_ORDERS} orders, ${E2E_WORKERS} in-process workers, each reads the order over the API (emulator); received→processed p50 ${fmt(lag?.p50 ?? Number.NaN)} ms, p99 ${fmt(lag?.p99 ?? Number.NaN)} ms`,
      },
    );
    return rows;
  } finally {
    await tern.close();
    await emulator.close();
    await db().$disconnect();
    await database.drop();
  }
}

export const benchmark: Benchmark = { name: "ingestion", run };
