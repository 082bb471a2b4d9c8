import type { Db } from "@/lib/db/client.ts";
import { listenForNotifications } from "@/lib/db/listen-for-notifications.ts";
import { DOMAIN_EVENTS_CHANNEL, type DomainEventHandOff } from "./domain-event.ts";
import { deleteDomainEvents } from "./claim-domain-events.ts";
import { deliverClaimedEvents, deliverDomainEvents, type DispatchOptions } from "./dispatch-domain-events.ts";

// The sweep: without a notification, look anyway this often. It delivers what a crash left (events
// committed while no dispatcher listened, or claimed by one that died) and what waits for a retry.
const DEFAULT_SWEEP_MS = 2_000;
const ERROR_PAUSE_MS = 1_000;
// Delivered events are deleted by the next claim; with no notification this soon, by a claim of their own.
const DELETE_WITHIN_MS = 50;

export type DomainEventDispatcher = {
  /** Look now: a domain event was committed (what the NOTIFY says, for a caller that listens for it). */
  wake: () => void;
  /** Deliver these at once: committed by this process, leased to it (DomainEventHandOff). */
  handOff: DomainEventHandOff;
  stop: () => Promise<void>;
};

/**
 * Delivers domain events after commit: woken by the NOTIFY each committing transaction sends
 * (LISTEN on a connection of its own with `databaseUrl`; without it, the caller listens and calls
 * `wake`, as the worker does on the one connection it listens on), it claims what is due and
 * hands it to the subscribers, until nothing is left; then it waits for the next notification or
 * the sweep. Any number may run on one database: claims skip each other's events. Events handed
 * off by their writer in this process (`handOff`) are delivered at once, without a claim.
 */
export function startDomainEventDispatcher(
  db: Db,
  options: DispatchOptions & { databaseUrl?: string; sweepMs?: number },
): DomainEventDispatcher {
  const { log } = options;
  const sweepMs = options.sweepMs ?? DEFAULT_SWEEP_MS;
  const limit = options.limit ?? 200;
  let stopped = false;
  let notified = 0;
  let wake: (() => void) | null = null;
  const poke = () => {
    notified += 1;
    wake?.();
  };
  const listener = options.databaseUrl ? listenForNotifications(options.databaseUrl, { [DOMAIN_EVENTS_CHANNEL]: poke }, log) : null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  // Delivered, not yet deleted: at most DELETE_WITHIN_MS, and until then still leased to this
  // dispatcher. A crash meanwhile delivers them again when the lease ends, as a crash before a
  // delete always did (delivery is at least once).
  const delivered = new Set<bigint>();
  let deleteSoon: NodeJS.Timeout | undefined;
  const loop = (async () => {
    while (!stopped) {
      const seen = notified;
      const deleting = [...delivered];
      delivered.clear();
      try {
        const batch = await deliverDomainEvents(db, { ...options, limit, deleting });
        for (const id of batch.delivered) delivered.add(id);
        if (batch.claimed === limit || notified !== seen) continue;
        await pause(delivered.size ? DELETE_WITHIN_MS : sweepMs);
      } catch (error) {
        for (const id of deleting) delivered.add(id);
        log(`domain events: ${error instanceof Error ? error.message : String(error)}`);
        await pause(ERROR_PAUSE_MS);
      }
    }
  })();

  // Handed-off events are delivered at once; their delete waits for the loop's next claim, which
  // this brings within DELETE_WITHIN_MS (at 200 events a second, one statement for about ten).
  const handingOff = new Set<Promise<void>>();
  const handOff: DomainEventHandOff = (events) => {
    if (stopped || events.length === 0) return;
    const delivering = deliverClaimedEvents(db, events, options).then(
      (done) => {
        for (const id of done) delivered.add(id);
        deleteSoon ??= setTimeout(() => {
          deleteSoon = undefined;
          wake?.();
        }, DELETE_WITHIN_MS);
      },
      // Not delivered and not postponed (the database is away): their lease ends and a claim takes them.
      (error: unknown) => log(`domain events: a handed-off batch of ${events.length}: ${error instanceof Error ? error.message : String(error)}`),
    );
    handingOff.add(delivering);
    void delivering.finally(() => handingOff.delete(delivering));
  };

  return {
    wake: poke,
    handOff,
    stop: async () => {
      stopped = true;
      clearTimeout(deleteSoon);
      wake?.();
      await loop;
      await Promise.all(handingOff);
      await deleteDomainEvents(db, [...delivered]).catch(() => undefined);
      await listener?.close();
    },
  };
}
