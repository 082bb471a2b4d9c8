import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { startInboundWorker } from "./start-inbound-worker.ts";

// Events in hand at once: two lanes of batches (waiting on PostgreSQL and BigCommerce is most of
// an event's time, so more in flight than one batch keeps the worker's core busy).
const BATCH_SIZE = 6;
const LANES = 2;
// A backlog (a flash sale) grows a lane's batches up to this, for new orders applied together.
const MAX_BATCH_SIZE = 48;

/**
 * The inbound event worker, in the worker process. TERN_INBOUND_WORKER=0 turns it off for
 * workers that should not process events (others then do: claims never overlap).
 */
export const inboundWorkerJob: JobStarter = {
  name: "inbound event worker",
  enabled: (env) => env.TERN_INBOUND_WORKER ?? true,
  start: async ({ instanceId, log, handOffDomainEvents }) => {
    const worker = startInboundWorker(db(), { workerId: `${instanceId}:inbound`, log, batchSize: BATCH_SIZE, maxBatchSize: MAX_BATCH_SIZE, lanes: LANES, handOffDomainEvents });
    return worker.stop;
  },
};
