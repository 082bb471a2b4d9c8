import type { Db } from "@/lib/db/client.ts";
import pLimit from "p-limit";
import { writeWhenReachable } from "@/lib/db/write-when-reachable.ts";
import type { DomainEventHandOff } from "@/lib/domain-events/domain-event.ts";
import { claimInboundEvents, renewLeases } from "./claim-inbound-events.ts";
import { isPermanentEventError, type InboundEventForProcessing, type WorkerLease } from "./inbound-event-types.ts";
import { mayApplyTogether, processInboundEvent, processInboundEventsTogether, type AppliedTogether } from "./process-inbound-event.ts";
import { MAX_INBOUND_ATTEMPTS, retryDelayMs } from "./retry-delay.ts";
import { settleInboundEvent, settleProcessedEvents, type Settlement } from "./settle-inbound-event.ts";

export type InboundBatchOptions = {
  workerId: string;
  limit?: number;
  /**
   * How long a claim lasts without renewal. The batch renews it while it works (a slow
   * BigCommerce, a rate-limit wait), so only a worker that died loses its events, after this long.
   */
  leaseMs?: number;
  maxAttempts?: number;
  /** Only this store's events (tests sharing one database). */
  storeId?: string;
  /** This process's domain-event dispatcher: the events of changes applied together go to it at once (DomainEventHandOff). */
  handOffDomainEvents?: DomainEventHandOff;
  /** Replaces the dispatcher (worker tests of retries and crashes). */
  process?: (db: Db, event: InboundEventForProcessing) => Promise<void>;
  log?: (line: string) => void;
};

/** `together`: how many of the processed were applied together (process-inbound-event.ts), not one by one. */
export type InboundBatchResult = { claimed: number; processed: number; retried: number; dead: number; lost: number; together: number };

export const DEFAULT_LEASE_MS = 60_000;

// Events applied one by one at once: each holds a connection while its transaction runs, and the
// webhook acknowledgements of this process (and its other work) share the pool.
const EVENTS_AT_ONCE = 6;

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function settlementFor(error: unknown, attempts: number, maxAttempts: number): Settlement {
  const message = describe(error);
  if (isPermanentEventError(error)) return { outcome: "dead", error: message };
  if (attempts >= maxAttempts) return { outcome: "dead", error: `${message} (gave up after ${attempts} attempts)` };
  return { outcome: "retry", error: message, delayMs: retryDelayMs(attempts) };
}

async function applyTogether(db: Db, events: readonly InboundEventForProcessing[], lease: WorkerLease, log?: (line: string) => void): Promise<AppliedTogether> {
  try {
    return await processInboundEventsTogether(db, events, lease);
  } catch (error) {
    // Each store's burst is one transaction, and a store that failed applied nothing of its own:
    // here its events (and any other store's, even if applied: doing it again finds them done) go one by one.
    log?.(`inbound events together: ${describe(error)}; applying them one by one`);
    return { applied: new Set(), settled: new Set() };
  }
}

/**
 * Claims one batch of due events and processes them, each to a recorded outcome. The claimed
 * events run concurrently; processors serialise what must not overlap (one order, one ticket)
 * with their own locks. While the batch works it renews its leases, so only a dead worker's
 * events are taken over. Deterministic for tests: one claim, returns when all are settled.
 */
export async function runInboundBatch(db: Db, options: InboundBatchOptions): Promise<InboundBatchResult> {
  const maxAttempts = options.maxAttempts ?? MAX_INBOUND_ATTEMPTS;
  const processEvent = options.process ?? processInboundEvent;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const events = await claimInboundEvents(db, { workerId: options.workerId, limit: options.limit ?? 10, leaseMs, storeId: options.storeId });
  const result: InboundBatchResult = { claimed: events.length, processed: 0, retried: 0, dead: 0, lost: 0, together: 0 };
  if (events.length === 0) return result;

  const working = new Set(events.map((event) => event.id));
  const heartbeat = setInterval(() => {
    void renewLeases(db, [...working], options.workerId, leaseMs).catch(() => undefined);
  }, Math.max(100, leaseMs / 3));

  // Outcomes are recorded even if the database is away right then (a restart): an event processed
  // but not recorded would be processed again after its lease.
  const record = <T>(write: () => Promise<T>) => writeWhenReachable(db, write, { patienceMs: leaseMs / 2 });
  // Recorded together once the batch is done (one statement), still under lease meanwhile.
  const processed: string[] = [];

  async function handle(event: InboundEventForProcessing): Promise<void> {
    let settlement: Settlement;
    try {
      await processEvent(db, event);
      processed.push(event.id);
      return;
    } catch (error) {
      settlement = settlementFor(error, event.attempts, maxAttempts);
      if (settlement.outcome === "dead") options.log?.(`inbound event ${event.id} (${event.kind}) dead-lettered: ${settlement.error}`);
    }
    working.delete(event.id);
    const recorded = await record(() => settleInboundEvent(db, event.id, options.workerId, settlement));
    if (!recorded) result.lost += 1;
    else if (settlement.outcome === "retry") result.retried += 1;
    else result.dead += 1;
  }

  try {
    // A burst of new orders is applied together (unless a test replaces the processor), and what it
    // leaves one by one; the other events (a customer's Telegram message) do not wait for it.
    const oneByOne = pLimit(EVENTS_AT_ONCE);
    const candidates = options.process ? [] : events.filter(mayApplyTogether);
    const others = events.filter((event) => !candidates.includes(event));
    const othersDone = Promise.all(others.map((event) => oneByOne(() => handle(event))));
    const together = candidates.length ? await applyTogether(db, candidates, { workerId: options.workerId, handOff: options.handOffDomainEvents }, options.log) : { applied: new Set<string>(), settled: new Set<string>() };
    processed.push(...together.applied);
    for (const id of together.settled) working.delete(id);
    result.processed += together.settled.size;
    result.together = together.applied.size + together.settled.size;
    const left = candidates.filter((event) => !together.applied.has(event.id) && !together.settled.has(event.id));
    await Promise.all([othersDone, ...left.map((event) => oneByOne(() => handle(event)))]);
    if (processed.length) {
      const recorded = await record(() => settleProcessedEvents(db, processed, options.workerId));
      result.processed += recorded;
      result.lost += processed.length - recorded;
    }
  } finally {
    clearInterval(heartbeat);
  }
  return result;
}
