import type { Db } from "@/lib/db/client.ts";
import { inboundEventsNotified, waitForInboundEvent } from "./inbound-signal.ts";
import { runInboundBatch, type InboundBatchOptions } from "./run-inbound-batch.ts";

export type InboundWorkerOptions = Omit<InboundBatchOptions, "limit"> & {
  /**
   * Events one batch takes. Kept below the connection pool (10 by default) on purpose: webhook
   * acknowledgements share the pool and must not queue behind processing transactions.
   */
  batchSize?: number;
  /**
   * How far a batch may grow while there is a backlog of new orders (default batchSize): each full
   * claim with events applied together doubles the next one up to this. A burst of new orders is
   * applied together (process-new-orders-together.ts), so a bigger claim costs fewer statements per
   * event; any other claim is small again, so other events never wait behind a big batch.
   */
  maxBatchSize?: number;
  /**
   * Batches in hand at once (default 1). With more than one, an event that arrives while a batch
   * is being worked on is claimed by an idle lane at once instead of waiting for the batch's
   * slowest event. Up to lanes × batchSize events are in flight.
   */
  lanes?: number;
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
  const batchSize = options.batchSize ?? 4;
  const maxBatchSize = Math.max(batchSize, options.maxBatchSize ?? batchSize);
  const stopping = new AbortController();
  const busy: boolean[] = [];
  // The notifications any lane's claim has answered: a claim begun after a notification sees its
  // event (NOTIFY is delivered after commit), whichever lane made it.
  let answered = 0;

  async function lane(index: number): Promise<void> {
    let failures = 0;
    let limit = batchSize;
    while (!stopping.signal.aborted) {
      // A wake-up goes to every idle lane, but a claim costs queries: a lane claims only when every
      // lane before it is busy, so one event wakes one claim (lane 0 also serves the polls).
      if (index > 0 && busy.slice(0, index).some((other) => !other)) {
        await waitForInboundEvent(pollMs, stopping.signal);
        continue;
      }
      busy[index] = true;
      let more = false;
      try {
        answered = Math.max(answered, inboundEventsNotified());
        const batch = await runInboundBatch(db, { ...options, limit });
        failures = 0;
        // Claim again only when more may be due: a full batch, or a notification that came after
        // every lane's latest claim began. Otherwise the queue was drained (by this lane or
        // another): the poll finds what falls due later, and a claim that came back empty would
        // cost a query per event (at 200/s, a lane finishing after another lane took the event
        // it was told of made a third more claims than events).
        more = batch.claimed === limit || inboundEventsNotified() !== answered;
        // Only a backlog of work done together gains from bigger batches; events applied one by one
        // (six at a time) would only wait longer behind each other in one.
        limit = batch.claimed === limit && batch.together > 0 ? Math.min(maxBatchSize, limit * 2) : batchSize;
      } catch (error) {
        // The database is away (restart, failover): back off rather than spin; events wait safely.
        failures += 1;
        limit = batchSize;
        options.log?.(`inbound worker: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        busy[index] = false;
      }
      if (!more) await waitForInboundEvent(failures ? Math.min(30_000, pollMs * 2 ** failures) : pollMs, stopping.signal);
    }
  }

  const lanes = Math.max(1, options.lanes ?? 1);
  const running = Promise.all(Array.from({ length: lanes }, (_, index) => lane(index)));
  return {
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}
