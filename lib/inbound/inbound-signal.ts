/**
 * Wakes the in-process worker as soon as an event is stored, so "ticket visible" does not wait
 * for the next poll. Held on globalThis: the webhook route (Next's bundle) and the worker
 * (server.ts) load this module separately in one process. Other processes simply poll.
 */

type Waiter = () => void;
const holder = globalThis as unknown as { ternInboundWaiters?: Set<Waiter> };

function waiters(): Set<Waiter> {
  holder.ternInboundWaiters ??= new Set();
  return holder.ternInboundWaiters;
}

export function notifyInboundEvent(): void {
  const current = [...waiters()];
  waiters().clear();
  for (const wake of current) wake();
}

/** Resolves on the next stored event, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
export function waitForInboundEvent(timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      waiters().delete(done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiters().add(done);
    signal?.addEventListener("abort", done, { once: true });
  });
}
