import type { Db } from "@/lib/db/client.ts";
import { claimDomainEvents, deleteDomainEvents, postponeDomainEvents } from "./claim-domain-events.ts";
import type { DomainEvent, DomainEventSubscriber } from "./domain-event.ts";

export const DEFAULT_LEASE_MS = 30_000;
// After this many deliveries an event is dropped with a log line: a subscriber that fails this
// often is broken, and holding its events back would not mend it.
const MAX_ATTEMPTS = 8;

export type DispatchOptions = {
  subscribers: readonly DomainEventSubscriber[];
  log: (line: string) => void;
  limit?: number;
  leaseMs?: number;
  storeIds?: readonly string[];
  /** Called with the batch once it is claimed and before any subscriber sees it (tests crash here). */
  onClaimed?: (ids: readonly bigint[]) => Promise<void> | void;
};

function retryDelayMs(attempts: number): number {
  return Math.min(60_000, 500 * 2 ** (attempts - 1));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Claims one batch of due events, hands it to every subscriber, then settles it. Returns how many it claimed. */
export async function dispatchDomainEvents(db: Db, options: DispatchOptions): Promise<number> {
  const { claimed, delivered } = await deliverDomainEvents(db, options);
  await deleteDomainEvents(db, delivered);
  return claimed;
}

/**
 * Claims one batch of due events (deleting `deleting` in the same statement), hands it to every
 * subscriber, and postpones those to retry. Returns how many it claimed and the ids delivered (or
 * given up on), which the caller deletes: with its next claim, or on their own.
 */
export async function deliverDomainEvents(db: Db, options: DispatchOptions & { deleting?: readonly bigint[] }): Promise<{ claimed: number; delivered: bigint[] }> {
  const events = await claimDomainEvents(db, { limit: options.limit ?? 200, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, storeIds: options.storeIds, deleting: options.deleting });
  if (events.length === 0) return { claimed: 0, delivered: [] };
  await options.onClaimed?.(events.map((event) => event.id));
  return { claimed: events.length, delivered: await deliverClaimedEvents(db, events, options) };
}

/**
 * Hands events this process holds (claimed, or written already leased to it) to every subscriber,
 * and postpones those to retry. Returns the ids delivered or given up on, for the caller to delete.
 */
export async function deliverClaimedEvents(db: Db, events: readonly DomainEvent[], options: Pick<DispatchOptions, "subscribers" | "log">): Promise<bigint[]> {
  const retry = new Set<bigint>();
  for (const subscriber of options.subscribers) {
    try {
      for (const id of (await subscriber.deliver(events)) ?? []) retry.add(id);
    } catch (error) {
      options.log(`domain events: ${subscriber.name} failed a batch of ${events.length}: ${describe(error)}`);
      for (const event of events) retry.add(event.id);
    }
  }

  const done: bigint[] = [];
  const again = new Map<number, bigint[]>();
  for (const event of events) {
    if (!retry.has(event.id)) done.push(event.id);
    else if (event.attempts >= MAX_ATTEMPTS) {
      options.log(`domain events: gave up on ${event.type} ${event.id} of ticket ${event.ticketId} after ${event.attempts} deliveries`);
      done.push(event.id);
    } else {
      const delay = retryDelayMs(event.attempts);
      const ids = again.get(delay);
      if (ids) ids.push(event.id);
      else again.set(delay, [event.id]);
    }
  }
  for (const [delay, ids] of again) await postponeDomainEvents(db, ids, delay);
  return done;
}
