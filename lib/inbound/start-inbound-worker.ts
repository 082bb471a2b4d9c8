import type { Db } from "@/lib/db/client.ts";
import { inboundEventsNotified, waitForInboundEvent } from "./inbound-signal.ts";
import { runInboundBatch, type InboundBatchOptions } from "./run-inbound-batch.ts";

export type InboundWorkerOptions = Omit<InboundBatchOptions, "limit"> & {
  /**
   * Events in hand at once. Kept below the connection pool (10 by default) on purpose: webhook
   * acknowledgements share the pool and must not queue behind processing transactions.
   */
  batchSize?: number;
  /** Longest sleep between polls when idle; a new event in this process wakes the worker at once. */
  pollMs?: number;
};

export type InboundWorker = { stop: () => Promise<void> };

/**
 * The background loop: batch after batch while there is work, then sleep until an event arrives
 * or the poll interval ends. Any number of these may run, in one process or many.
 */
export function startInboundWorker(db: Db, options: InboundWorkerOptions): InboundWorker {
  const pollMs = options.pollMs ?? 1_000;
  const limit = options.batchSize ?? 4;
  const stopping = new AbortController();
  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        const notifiedBefore = inboundEventsNotified();
        const batch = await runInboundBatch(db, { ...options, limit });
        failures = 0;
        // Claim again only when more may be due: a full batch, or events stored in this process
        // since the claim began (its notify found no one waiting). Otherwise the queue was drained:
        // the poll finds other processes' events and retries that fall due, and a claim that came
        // back empty would cost a query per event.
        if (batch.claimed === limit || inboundEventsNotified() !== notifiedBefore) continue;
      } catch (error) {
        // The database is away (restart, failover): back off rather than spin; events wait safely.
        failures += 1;
        options.log?.(`inbound worker: ${error instanceof Error ? error.message : String(error)}`);
        await waitForInboundEvent(Math.min(30_000, pollMs * 2 ** failures), stopping.signal);
        continue;
      }
      await waitForInboundEvent(pollMs, stopping.signal);
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
