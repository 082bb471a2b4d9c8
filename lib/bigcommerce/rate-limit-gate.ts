import { processShared } from "@/lib/config/process-registry.ts";
/**
 * Client-side pacing for one store's BigCommerce quota (shared by every app on the store, so
 * Tern must leave room for the others). The server tells us, on every response, how many requests
 * are left in the window and when it resets; when nothing is left we wait for the reset instead
 * of sending and collecting 429s. Concurrent callers share the gate, so they wait together.
 */

export type RateLimitHeaders = { left: number | null; resetMs: number | null };

export type GateClock = { now: () => number; sleep: (ms: number) => Promise<void> };

const realClock: GateClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Longest single wait: a reset header far in the future is a broken header, not a reason to stall for minutes. */
export const MAX_WAIT_MS = 35_000;
/** A 429 without rate-limit headers is platform load (APIS.md): back off longer, doubling. */
const PLATFORM_BACKOFF_MS = 2_000;

export function readRateLimitHeaders(headers: { get(name: string): string | null }): RateLimitHeaders {
  const number = (name: string): number | null => {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === "") return null;
    const value = Number(raw);
    return Number.isFinite(value) && value >= 0 ? value : null;
  };
  return { left: number("x-rate-limit-requests-left"), resetMs: number("x-rate-limit-time-reset-ms") };
}

export class RateLimitGate {
  /** Requests left in the window as last reported (minus those sent since); null = unknown. */
  private left: number | null = null;
  private resetAt = 0;
  /** While the quota is unknown, one request goes first and the others wait for its answer. */
  private probe: { done: Promise<void>; release: () => void } | null = null;

  constructor(private readonly clock: GateClock = realClock) {}

  /**
   * Waits until a request may be sent: while the quota is spent, until the window resets; while
   * it is unknown (first use, or a window just reset), until one probing request has reported it.
   * Then takes one request from the quota.
   */
  async acquire(): Promise<void> {
    for (;;) {
      if (this.left === null) {
        if (this.probe) {
          await this.probe.done;
          continue;
        }
        let release!: () => void;
        const done = new Promise<void>((resolve) => (release = resolve));
        this.probe = { done, release };
        return;
      }
      const now = this.clock.now();
      if (this.left > 0) break;
      if (now >= this.resetAt) {
        // The window has reset, but only the next answer says by how much.
        this.left = null;
        continue;
      }
      await this.clock.sleep(Math.min(MAX_WAIT_MS, this.resetAt - now));
    }
    this.left -= 1;
  }

  /** Ends the probe without news (the request failed before an answer): the next caller probes. */
  release(): void {
    const probe = this.probe;
    this.probe = null;
    probe?.release();
  }

  /** Records what a response said about the window. */
  observe(headers: RateLimitHeaders): void {
    if (headers.left !== null) this.left = headers.left;
    // A server that reports no quota at all: do not serialise everything behind probes.
    else if (this.left === null) this.left = Number.POSITIVE_INFINITY;
    if (headers.resetMs !== null) this.resetAt = this.clock.now() + headers.resetMs;
    this.release();
  }

  /**
   * After a 429: how long to wait before trying again (`attempt` counts from 1). Everyone sharing
   * the gate waits too, so a burst of concurrent callers does not keep knocking.
   */
  tooManyRequests(headers: RateLimitHeaders, attempt: number): number {
    const wait = headers.resetMs !== null ? Math.max(headers.resetMs, 50) : PLATFORM_BACKOFF_MS * 2 ** (attempt - 1);
    const bounded = Math.min(MAX_WAIT_MS, wait);
    // A window end read while quota was left is no reason to wait: only one we were already waiting for is kept.
    const waitingUntil = this.left === 0 ? this.resetAt : 0;
    this.left = 0;
    this.resetAt = Math.max(waitingUntil, this.clock.now() + bounded);
    this.release();
    return bounded;
  }
}

const holder = processShared<{ ternBigcommerceGates?: Map<string, RateLimitGate> }>("bigcommerce/rate-limit-gates", () => ({}));

/** One gate per store and API host in this process: every client of the store shares its quota. */
export function rateLimitGateFor(key: string): RateLimitGate {
  holder.ternBigcommerceGates ??= new Map();
  let gate = holder.ternBigcommerceGates.get(key);
  if (!gate) {
    gate = new RateLimitGate();
    holder.ternBigcommerceGates.set(key, gate);
  }
  return gate;
}
