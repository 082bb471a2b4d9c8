/**
 * Wakes an in-process background loop as soon as there is work, so it need not wait for its next
 * poll. Held on globalThis: API routes (Next's bundle) and the loops (server.ts) load this module
 * separately in one process. Other processes simply poll.
 */

type Waiter = () => void;
const holder = globalThis as unknown as { ternWakeSignals?: Map<string, Set<Waiter>> };

function waiters(name: string): Set<Waiter> {
  holder.ternWakeSignals ??= new Map();
  let set = holder.ternWakeSignals.get(name);
  if (!set) holder.ternWakeSignals.set(name, (set = new Set()));
  return set;
}

export type WakeSignal = {
  /** Call after the transaction that made the work committed. */
  notify: () => void;
  /** Resolves on the next notify, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  wait: (timeoutMs: number, signal?: AbortSignal) => Promise<void>;
};

export function wakeSignal(name: string): WakeSignal {
  return {
    notify() {
      const current = [...waiters(name)];
      waiters(name).clear();
      for (const wake of current) wake();
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
