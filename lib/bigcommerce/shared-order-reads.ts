import type { OrderBundle } from "./events/order-bundle.ts";

// A read is offered to later events this long, and at most this many orders are remembered: the
// keys come from webhooks, so the map must not grow with them.
const KEEP_MS = 5_000;
const MAX_ORDERS = 2_000;

type SharedRead = { startedAt: number; read: Promise<OrderBundle | null> };

const reads = new Map<string, SharedRead>();

function forget(now: number): void {
  for (const [key, entry] of reads) {
    if (reads.size <= MAX_ORDERS && now - entry.startedAt < KEEP_MS) break;
    reads.delete(key);
  }
}

/**
 * One BigCommerce read of an order for the events about it that arrive together (a flash sale
 * sends created and updated side by side): an event may use a read that started after this
 * process had the event in hand (`claimedAt`), since that read sees the store as it was after the
 * change the event announces. Otherwise, or when the read failed, it reads afresh. Reads are
 * kept in insertion order, so the oldest are forgotten first.
 */
export function sharedOrderRead(key: string, claimedAt: number, read: () => Promise<OrderBundle | null>): Promise<OrderBundle | null> {
  const now = Date.now();
  forget(now);
  const shared = reads.get(key);
  if (shared && shared.startedAt >= claimedAt) return shared.read;
  const entry: SharedRead = { startedAt: now, read: read() };
  reads.delete(key);
  reads.set(key, entry);
  entry.read.catch(() => {
    if (reads.get(key) === entry) reads.delete(key);
  });
  return entry.read;
}

/** For tests: how many orders are remembered now. */
export function sharedOrderReadCount(): number {
  return reads.size;
}
