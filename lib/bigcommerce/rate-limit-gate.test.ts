import { describe, expect, it } from "vitest";
import { MAX_WAIT_MS, RateLimitGate, readRateLimitHeaders, type GateClock } from "./rate-limit-gate.ts";

function fakeClock(): GateClock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe("RateLimitGate", () => {
  it("sends freely while the quota lasts", async () => {
    const clock = fakeClock();
    const gate = new RateLimitGate(clock);
    await gate.acquire();
    gate.observe({ left: 2, resetMs: 10_000 });
    await gate.acquire();
    await gate.acquire();
    expect(clock.slept).toEqual([]);
  });

  it("waits for the reset once the quota is spent, never sending into a 429", async () => {
    const clock = fakeClock();
    const gate = new RateLimitGate(clock);
    gate.observe({ left: 1, resetMs: 4_000 });
    await gate.acquire();
    await gate.acquire();
    expect(clock.slept).toEqual([4_000]);
  });

  it("after a 429 waits the reset time, and so does everyone sharing the gate", async () => {
    const clock = fakeClock();
    const gate = new RateLimitGate(clock);
    expect(gate.tooManyRequests({ left: 0, resetMs: 1_500 }, 1)).toBe(1_500);
    await gate.acquire();
    expect(clock.slept).toEqual([1_500]);
  });

  it("backs off doubling on a 429 without headers, within a bound", () => {
    const gate = new RateLimitGate(fakeClock());
    const none = { left: null, resetMs: null };
    expect([1, 2, 3].map((attempt) => gate.tooManyRequests(none, attempt))).toEqual([2_000, 4_000, 8_000]);
    expect(gate.tooManyRequests(none, 20)).toBe(MAX_WAIT_MS);
    expect(gate.tooManyRequests({ left: 0, resetMs: 10 * 60_000 }, 1)).toBe(MAX_WAIT_MS);
  });

  it("after a 429 without headers waits its backoff, not until a window end read while quota was left", async () => {
    // Found by the soak (lib/reliability): one platform-load 429 held every call for the store until the quota window reset.
    const clock = fakeClock();
    const gate = new RateLimitGate(clock);
    gate.observe({ left: 100, resetMs: 25_000 });
    expect(gate.tooManyRequests({ left: null, resetMs: null }, 1)).toBe(2_000);
    await gate.acquire();
    expect(clock.slept).toEqual([2_000]);
  });
});

describe("readRateLimitHeaders", () => {
  it("reads BigCommerce's headers and ignores junk", () => {
    expect(readRateLimitHeaders(new Headers({ "X-Rate-Limit-Requests-Left": "7", "X-Rate-Limit-Time-Reset-Ms": "2500" }))).toEqual({ left: 7, resetMs: 2500 });
    expect(readRateLimitHeaders(new Headers({ "X-Rate-Limit-Requests-Left": "many" }))).toEqual({ left: null, resetMs: null });
  });
});

describe("RateLimitGate while the quota is unknown", () => {
  it("lets one request probe and holds the others until its answer", async () => {
    const gate = new RateLimitGate(fakeClock());
    await gate.acquire();
    let second = false;
    const waiting = gate.acquire().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
    gate.observe({ left: 5, resetMs: 1_000 });
    await waiting;
    expect(second).toBe(true);
  });

  it("lets the next caller probe when the probe failed without an answer", async () => {
    const gate = new RateLimitGate(fakeClock());
    await gate.acquire();
    const next = gate.acquire();
    gate.release();
    await expect(next).resolves.toBeUndefined();
  });
});
