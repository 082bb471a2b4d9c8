import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay.ts";

describe("retryDelayMs", () => {
  it("doubles from two seconds", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, middle))).toEqual([2_000, 4_000, 8_000, 16_000]);
  });

  it("is capped at an hour", () => {
    expect(retryDelayMs(40, () => 0.5)).toBe(3_600_000);
  });

  it("jitters within ±20%", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, () => 1)).toBe(2_400);
  });
});
