// Customer import benchmark: a full import of 100,000 BigCommerce customers from the emulator,
// paced by the emulator's rate-limit headers at BigCommerce's Standard-plan quota (150 requests per
// 30 s window), through the worker's own code path (claim, page by page, lease). Reports the time,
// the API calls (and 429s), the rate, and how much the heap grew while importing (pages are
// streamed, so it should not grow with the customer count).
//
// `npm run bench -- customer-import`; TERN_BENCH_CUSTOMERS changes the count, TERN_BENCH_QUOTA the quota.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { configFromEnvironment, installRuntimeConfig } from "@/lib/config/runtime-config.ts";
import { CUSTOMER_IMPORT_LEASE_MS, CUSTOMER_IMPORT_PAGE_SIZE } from "@/lib/customers/import/customer-import-job.ts";
import { getCustomerImport } from "@/lib/customers/import/get-customer-import.ts";
import { runCustomerImports } from "@/lib/customers/import/run-customer-imports.ts";
import { startCustomerImport } from "@/lib/customers/import/start-customer-import.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { createTestDatabase } from "@/tests/test-database.ts";
import type { Benchmark, BenchRow } from "./bench-types.ts";
import { fmt } from "./stats.ts";
import { createBenchStore } from "./webhook-load.ts";

const CUSTOMERS = Number(process.env.TERN_BENCH_CUSTOMERS ?? 100_000);
const QUOTA = Number(process.env.TERN_BENCH_QUOTA ?? 150);
const WINDOW_MS = 30_000;
// One in a hundred records is garbage (no email, an invalid one, a 10 kB name): skipped and logged.
const GARBAGE_EVERY = 100;
const COUNTRIES = ["US", "DE", "FR", "GB", "CA", "AU", "JP", "BR"];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// A full collection before each reading, so the figure is what stays alive (streamed pages should
// not accumulate), not the garbage the emulator and the pages leave between collections.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

async function run(log: (line: string) => void): Promise<BenchRow[]> {
  const database = await createTestDatabase("tern_bench");
  process.env.DATABASE_URL = database.url;
  process.env.TERN_ENCRYPTION_KEY ??= "bench-encryption-key";
  const emulator = await startBigcommerceEmulator({ rateLimit: { quota: QUOTA, windowMs: WINDOW_MS } });
  process.env.BIGCOMMERCE_API_URL = emulator.url;
  installRuntimeConfig(configFromEnvironment(process.env));
  const rows: BenchRow[] = [];
  try {
    const { store, shop } = await createBenchStore(emulator, "Bench customers", "customers");
    const generated = performance.now();
    for (let index = 1; index <= CUSTOMERS; index += 1) {
      if (index % GARBAGE_EVERY === 0) {
        const kind = (index / GARBAGE_EVERY) % 3;
        shop.putRawCustomer(kind === 0 ? { first_name: "No", last_name: "Email" } : kind === 1 ? { first_name: "Bad", last_name: "Email", email: "nope" } : { first_name: "x".repeat(10_240), last_name: "Long", email: `long${index}@example.com` });
        continue;
      }
      shop.createCustomer(
        {
          email: `customer${index}@example.com`,
          firstName: `First${index}`,
          lastName: `Last${index}`,
          phone: `+1 555 ${String(index).padStart(7, "0")}`,
          groupId: index % 20 === 0 ? 2 : 1,
          attributes: { 1: `L-${index}` },
          address: { country_iso2: COUNTRIES[index % COUNTRIES.length] },
        },
        { silent: true },
      );
    }
    log(`${fmt(CUSTOMERS)} customers in the emulator (${fmt((performance.now() - generated) / 1000)} s); quota ${QUOTA} per ${WINDOW_MS / 1000} s`);

    const started = await startCustomerImport(db(), { storeId: store.id, userId: null });
    const heapBefore = liveHeap();
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, liveHeap())), 5_000);
    const progress = setInterval(() => {
      void getCustomerImport(db(), { storeId: store.id, importId: started.id }).then((job) => log(`${fmt(job.processed)} / ${fmt(job.total ?? 0)} · ${job.ratePerSecond ?? "-"} customers/s · ${job.apiCalls} calls`));
    }, 15_000);
    const began = performance.now();
    const pages = await runCustomerImports(db(), { workerId: "bench", leaseMs: CUSTOMER_IMPORT_LEASE_MS, pageSize: CUSTOMER_IMPORT_PAGE_SIZE, storeId: store.id });
    const seconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
    clearInterval(progress);
    const heapAfter = liveHeap();

    const job = await getCustomerImport(db(), { storeId: store.id, importId: started.id });
    const saved = await db().customer.count({ where: { storeId: store.id } });
    const vip = await db().customer.count({ where: { storeId: store.id, tier: "VIP" } });
    const requests = emulator.requests.filter((request) => request.storeHash === shop.hash);
    const minimumSeconds = (Math.ceil(requests.filter((request) => request.status !== 429).length / QUOTA) - 1) * (WINDOW_MS / 1000);
    log(`${job.status}: ${fmt(job.imported)} imported, ${fmt(job.skipped)} skipped in ${fmt(seconds)} s (${pages} pages); ${saved} customers, ${vip} VIP`);
    const name = "customer-import";
    rows.push(
      { benchmark: name, metric: "customers imported", value: fmt(job.imported), note: `of ${fmt(CUSTOMERS)}; ${fmt(job.skipped)} garbage records skipped and logged; status ${job.status}` },
      { benchmark: name, metric: "time", value: `${fmt(seconds, 1)} s`, note: `the quota alone allows it in no less than ~${fmt(Math.max(0, minimumSeconds))} s` },
      { benchmark: name, metric: "rate", value: `${fmt(job.imported / seconds)} /s` },
      { benchmark: name, metric: "API calls", value: fmt(job.apiCalls), note: `${pages} pages of ${CUSTOMER_IMPORT_PAGE_SIZE} + group names; ${job.rateLimited} answered 429 and were waited out` },
      { benchmark: name, metric: "live heap growth while importing", value: mb(heapPeak - heapBefore), note: `largest, read after a full GC every 5 s; ${mb(heapAfter - heapBefore)} at the end; the emulator's 100k customers (${mb(heapBefore)} heap) are in the baseline` },
    );
  } finally {
    await db().$disconnect();
    await emulator.close();
    await database.drop();
  }
  return rows;
}

export const benchmark: Benchmark = { name: "customer-import", run };
