/**
 * Wakes an in-process background loop as soon as there is work, so it need not wait for its next
 * poll. Held on globalThis: API routes (Next's bundle) and the loops (server.ts) load this module
 * separately in one process. A worker thread has its own globals: a relay carries its notifies to
 * the main thread and back (lib/server/worker-thread.ts). Other processes simply poll.
 */

type Waiter = () => void;
const holder = globalThis as unknown as {
  ternWakeSignals?: Map<string, Set<Waiter>>;
  ternWakeCounts?: Map<string, number>;
  ternWakeRelay?: (name: string) => void;
};

function waiters(name: string): Set<Waiter> {
  holder.ternWakeSignals ??= new Map();
  let set = holder.ternWakeSignals.get(name);
  if (!set) holder.ternWakeSignals.set(name, (set = new Set()));
  return set;
}

function counts(): Map<string, number> {
  return (holder.ternWakeCounts ??= new Map());
}

export type WakeSignal = {
  /** Call after the transaction that made the work committed. */
  notify: () => void;
  /** How many notifies so far: a loop compares two readings to learn whether work arrived in between. */
  count: () => number;
  /** Resolves on the next notify, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  wait: (timeoutMs: number, signal?: AbortSignal) => Promise<void>;
};

/** Wakes this thread's waiters for `name`: a notify that another thread relayed here. */
export function wakeHere(name: string): void {
  counts().set(name, (counts().get(name) ?? 0) + 1);
  const current = [...waiters(name)];
  waiters(name).clear();
  for (const wake of current) wake();
}

/** Where this thread's notifies go besides its own waiters (to the other threads). */
export function setWakeRelay(relay: ((name: string) => void) | undefined): void {
  holder.ternWakeRelay = relay;
}

export function wakeSignal(name: string): WakeSignal {
  return {
    notify() {
      wakeHere(name);
      holder.ternWakeRelay?.(name);
    },
    count() {
      return counts().get(name) ?? 0;
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
