// A standalone inbound worker: `npx tsx lib/inbound/worker-cli.ts` with DATABASE_URL (and
// BIGCOMMERCE_API_URL, TERN_ENCRYPTION_KEY/NEXTAUTH_SECRET as the app has them). Any number may
// run beside the app's in-process workers: claims never overlap. Options (env):
// TERN_WORKER_ID, TERN_WORKER_LEASE_MS, TERN_WORKER_POLL_MS, TERN_WORKER_STORE_ID (one store only).
// What it changes reaches agents through the domain events it records, which a worker process's
// dispatcher delivers. `server.ts --worker` runs this loop and every other one; this entry stays
// for running inbound processing alone (the soak test's replacement worker).
import { hostname } from "node:os";
import { configFromEnvironment, installRuntimeConfig } from "@/lib/config/runtime-config.ts";
import { db } from "@/lib/db/client.ts";
import { startInboundWorker } from "./start-inbound-worker.ts";

// Decided once, as a server decides it (lib/config/runtime-config.ts), not re-read from the environment per call.
installRuntimeConfig(configFromEnvironment(process.env));
const workerId = process.env.TERN_WORKER_ID ?? `${hostname()}:${process.pid}:cli`;
const log = (line: string) => console.log(`[worker ${workerId}] ${line}`);
const worker = startInboundWorker(db(), {
  workerId,
  leaseMs: Number(process.env.TERN_WORKER_LEASE_MS) || undefined,
  pollMs: Number(process.env.TERN_WORKER_POLL_MS) || undefined,
  storeId: process.env.TERN_WORKER_STORE_ID || undefined,
  log,
});
console.log(`[worker ${workerId}] started`);

async function shutdown(): Promise<void> {
  await worker.stop();
  await db().$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
