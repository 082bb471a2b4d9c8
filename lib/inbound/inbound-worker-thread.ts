// Entry of the inbound worker's thread (inbound-worker-job.ts starts it).
import { workerData } from "node:worker_threads";
import { configureDb, db } from "@/lib/db/client.ts";
import { joinMainThread } from "@/lib/server/join-main-thread.ts";
import { startInboundWorker } from "./start-inbound-worker.ts";

const { workerId } = (workerData as { data: { workerId: string } }).data;
// Events in hand at once: two lanes of batches. The thread has a pool of its own, so it can keep
// more in flight than the shared pool allowed (waiting on PostgreSQL and BigCommerce is most of an
// event's time).
const BATCH_SIZE = 6;
const LANES = 2;
configureDb({ poolSize: BATCH_SIZE * LANES + 4, cacheStatements: true });

const main = joinMainThread();
const worker = startInboundWorker(db(), { workerId, log: main.log, batchSize: BATCH_SIZE, lanes: LANES });
main.onStop(async () => {
  await worker.stop();
  await db().$disconnect();
});
