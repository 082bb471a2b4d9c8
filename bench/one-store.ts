// One-store flash sale: a burst of new orders for one store, each announced by two webhooks that
// arrive together (store/order/created and store/order/updated), received by the production
// webhook answer and turned into tickets by a real worker process, as `npm start` runs it
// (lib/server/supervise-worker.ts). It measures how many new order tickets a second one store
// gets, how many BigCommerce reads each order cost, and whether the ticket numbers are gap-free.
import { hostname } from "node:os";
import path from "node:path";
import { readEnv } from "@/lib/config/env.ts";
import { configFromEnvironment, installRuntimeConfig } from "@/lib/config/runtime-config.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { bigcommerceWebhookRoute } from "@/lib/server/direct-routes.ts";
import { superviseWorker } from "@/lib/server/supervise-worker.ts";
import { serveDirectHandler } from "@/lib/testing/serve-route-handler.ts";
import { createTestDatabase } from "@/tests/test-database.ts";
import type { Benchmark, BenchRow } from "./bench-types.ts";
import { fmt } from "./stats.ts";
import { createBenchStore, runLoadWorker } from "./webhook-load.ts";

const ORDERS = Number(process.env.TERN_BENCH_ONE_STORE_ORDERS ?? 900);
const CONNECTIONS = 16;
const PRODUCTS = 20;
// Worker processes beside the webhook receiver: 1 as `npm start` runs Tern; more to see how it scales.
const WORKERS = Number(process.env.TERN_BENCH_ONE_STORE_WORKERS ?? 1);

async function run(log: (line: string) => void): Promise<BenchRow[]> {
  const database = await createTestDatabase("tern_bench_one_store");
  const emulator = await startBigcommerceEmulator({ rateLimit: { quota: 1_000_000 } });
  // The environment of a production Tern with its credentials: not demo mode.
  const environment = { ...process.env, DATABASE_URL: database.url, TERN_ENCRYPTION_KEY: "bench-encryption-key", NEXTAUTH_SECRET: "bench-session-secret", BIGCOMMERCE_API_URL: emulator.url, TERN_DEMO: "0" };
  const config = configFromEnvironment(environment);
  installRuntimeConfig(config);
  const env = readEnv(environment);
  const web = await serveDirectHandler(bigcommerceWebhookRoute);
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, (_, index) => superviseWorker({ config, env, dataDir: path.resolve(".data/bench"), demoPorts: null, host: hostname(), port: index }, (line) => log(`[worker] ${line}`))),
  );
  try {
    const { store, shop, webhookSecret } = await createBenchStore(emulator, "Flash sale store", "sale");
    // A sale sells a few products to many buyers, some of whom come back.
    const orderIds = Array.from({ length: ORDERS }, (_, index) => {
      const product = index % PRODUCTS;
      return shop.createOrder(
        { guest: { email: `buyer${index % 200}@example.com`, firstName: "Flash", lastName: `Buyer ${index % 200}` }, products: [{ name: `Widget ${product}`, sku: `W-${product}`, price: 10, productId: 1000 + product }] },
        { silent: true },
      ).id;
    });
    // Each order's two webhooks side by side: with 16 connections, they are in flight together.
    const ids = orderIds.flatMap((id) => [id, id]);
    const scopes = orderIds.flatMap(() => ["store/order/created", "store/order/updated"]);
    const readsBefore = emulator.requests.length;
    log(`${ORDERS} orders × 2 webhooks for one store, ${CONNECTIONS} connections; ${WORKERS} worker process(es) as npm start runs them`);

    const started = performance.now();
    const sending = runLoadWorker({ url: `${web.url}/api/webhooks/bigcommerce`, headers: { "X-Tern-Webhook-Secret": webhookSecret }, storeHash: store.bigcommerceHash, mode: "closed", concurrency: CONNECTIONS, durationMs: 120_000, orderIds: ids, scopes });
    let tickets = 0;
    const deadline = Date.now() + 180_000;
    while (tickets < ORDERS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      tickets = await db().ticket.count({ where: { storeId: store.id } });
    }
    const elapsedMs = performance.now() - started;
    const sent = await sending;
    // Let the second webhook of the last orders settle before the reads are counted.
    const settleBy = Date.now() + 30_000;
    while (Date.now() < settleBy && (await db().inboundEvent.count({ where: { storeId: store.id, status: { not: "PROCESSED" } } })) > 0) await new Promise((resolve) => setTimeout(resolve, 50));

    const reads = emulator.requests.slice(readsBefore).filter((request) => request.storeHash === store.bigcommerceHash && request.method === "GET").length;
    const numbers = (await db().ticket.findMany({ where: { storeId: store.id }, select: { number: true }, orderBy: { number: "asc" } })).map((ticket) => ticket.number);
    const gapFree = numbers.every((number, index) => number === index + 1);
    const [lag] = await db().$queryRaw<{ p50: number; p99: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
      FROM (SELECT extract(epoch FROM ("processedAt" - "receivedAt")) * 1000 AS ms FROM "InboundEvent" WHERE "storeId" = ${store.id}::uuid AND status = 'PROCESSED') done`;
    const rate = (tickets / elapsedMs) * 1000;
    log(`${tickets}/${ORDERS} tickets in ${fmt(elapsedMs)} ms; ${reads} BigCommerce reads; numbers ${gapFree ? "gap-free" : `with gaps (${numbers.length} tickets, last #${numbers.at(-1)})`}`);
    return [
      {
        benchmark: "one-store",
        metric: `one store's order burst → new order tickets, end to end (${WORKERS} worker process${WORKERS === 1 ? "" : "es"})`,
        value: `${fmt(rate, 1)} tickets/s`,
        note: `target ≥ 150/s; ${tickets}/${ORDERS} orders, created + updated webhooks together (${sent.statuses["200"] ?? 0}/${sent.sent} acknowledged); ${fmt(reads / ORDERS, 2)} BigCommerce reads per order; numbers ${gapFree ? "1…N, gap-free" : "NOT gap-free"}; received→processed p50 ${fmt(lag?.p50 ?? Number.NaN)} ms, p99 ${fmt(lag?.p99 ?? Number.NaN)} ms`,
      },
    ];
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await web.close();
    await emulator.close();
    await db().$disconnect();
    await database.drop();
  }
}

export const benchmark: Benchmark = { name: "one-store", run };
