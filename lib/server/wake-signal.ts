/**
 * Wakes a background loop of this process as soon as there is work, so it need not wait for its
 * next poll. The loops run in the worker process, where `lib` is loaded once: module state is
 * enough. Another process's work arrives by NOTIFY, whose listener calls `notify` here
 * (lib/server/start-worker.ts).
 */

type Waiter = () => void;
const waitersByName = new Map<string, Set<Waiter>>();
const counts = new Map<string, number>();

function waiters(name: string): Set<Waiter> {
  let set = waitersByName.get(name);
  if (!set) waitersByName.set(name, (set = new Set()));
  return set;
}

export type WakeSignal = {
  /** Call after the transaction that made the work committed. */
  notify: () => void;
  /** How many notifies so far: a loop compares two readings to learn whether work arrived in between. */
  count: () => number;
  /** Resolves on the next notify, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  wait: (timeoutMs: number, signal?: AbortSignal) => Promise<void>;
};

export function wakeSignal(name: string): WakeSignal {
  return {
    notify() {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const current = [...waiters(name)];
      waiters(name).clear();
      for (const wake of current) wake();
    },
    count() {
      return counts.get(name) ?? 0;
    },
    wait(timeoutMs, signal) {
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          waiters(name).delete(done);
          signal?.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters(name).add(done);
        signal?.addEventListener("abort", done, { once: true });
      });
    },
  };
}
