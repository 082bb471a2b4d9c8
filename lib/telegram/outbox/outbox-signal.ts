/**
 * Wakes the in-process Telegram sender when something was queued, so a reply leaves within
 * moments rather than at the next poll. On globalThis: the API routes (Next's bundle) and the
 * sender (server.ts) load this module separately in one process. Other instances simply poll.
 */

type Waiter = () => void;
const holder = globalThis as unknown as { ternOutboxWaiters?: Set<Waiter> };

function waiters(): Set<Waiter> {
  holder.ternOutboxWaiters ??= new Set();
  return holder.ternOutboxWaiters;
}

/** Call after the transaction that queued the message committed. */
export function notifyOutbox(): void {
  const current = [...waiters()];
  waiters().clear();
  for (const wake of current) wake();
}

export function waitForOutbox(timeoutMs: number, signal?: AbortSignal): Promise<void> {
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
