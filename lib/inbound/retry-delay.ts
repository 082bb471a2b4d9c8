/** Attempts before an event is dead-lettered (the first try counts). */
export const MAX_INBOUND_ATTEMPTS = 12;

const BASE_MS = 2_000;
const CAP_MS = 60 * 60_000;

/**
 * Wait before the next try after `attempts` failed tries: exponential from 2 s, capped at an hour,
 * with ±20% jitter so events that failed together (an outage) do not all come back together.
 * 12 attempts span about two hours, longer than a typical BigCommerce rate-limit or API blip.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jitter = 0.8 + random() * 0.4;
  return Math.round(exponential * jitter);
}
