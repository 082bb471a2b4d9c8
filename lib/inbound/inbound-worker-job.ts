import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/background-jobs.ts";
import { startInboundWorker } from "./start-inbound-worker.ts";

/**
 * The inbound event worker, in-process by default. TERN_INBOUND_WORKER=0 turns it off for
 * instances that should only receive (workers then run elsewhere: lib/inbound/worker-cli.ts).
 */
export const inboundWorkerJob: JobStarter = {
  name: "inbound event worker",
  enabled: (env) => env.TERN_INBOUND_WORKER ?? true,
  start: async ({ instanceId, log }) => {
    const worker = startInboundWorker(db(), { workerId: `${instanceId}:inbound`, log });
    return worker.stop;
  },
};
