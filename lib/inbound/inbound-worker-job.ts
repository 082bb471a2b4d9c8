import type { JobStarter } from "@/lib/server/job-starter.ts";
import { startWorkerThread } from "@/lib/server/worker-thread.ts";

/**
 * The inbound event worker, in-process by default, on its own thread: processing an event is
 * most of the CPU an event costs, and on its own thread it uses a second core instead of queueing
 * webhook acknowledgements and socket.io behind it. TERN_INBOUND_WORKER=0 turns it off for
 * instances that should only receive (workers then run elsewhere: lib/inbound/worker-cli.ts).
 */
export const inboundWorkerJob: JobStarter = {
  name: "inbound event worker",
  enabled: (env) => env.TERN_INBOUND_WORKER ?? true,
  start: async ({ instanceId, log }) => {
    const thread = startWorkerThread({
      name: "inbound event worker",
      entry: new URL("./inbound-worker-thread.ts", import.meta.url),
      data: { workerId: `${instanceId}:inbound` },
      log,
    });
    return thread.stop;
  },
};
