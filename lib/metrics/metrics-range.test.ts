import { describe, expect, it } from "vitest";
import { resolveMetricsRange } from "./metrics-range.ts";

describe("resolveMetricsRange", () => {
  const now = new Date("2026-05-10T02:00:00Z");

  it("defaults to the last seven days, today included, in the store's zone", () => {
    // 02:00Z is still May 9 in New York (EDT, UTC-4).
    const range = resolveMetricsRange({}, "America/New_York", now);
    expect(range).toMatchObject({ from: "2026-05-03", to: "2026-05-09", timeZone: "America/New_York" });
    expect(range.start).toEqual(new Date("2026-05-03T04:00:00Z"));
    expect(range.end).toEqual(new Date("2026-05-10T04:00:00Z"));
    expect(range.days).toHaveLength(7);
  });

  it("takes explicit days and covers them whole", () => {
    const range = resolveMetricsRange({ from: "2026-03-28", to: "2026-03-30" }, "Europe/Berlin", now);
    // Berlin moves to summer time on March 29: the range still starts and ends at local midnight.
    expect(range.start).toEqual(new Date("2026-03-27T23:00:00Z"));
    expect(range.end).toEqual(new Date("2026-03-30T22:00:00Z"));
    expect(range.days).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
  });

  it("refuses reversed, malformed and overlong ranges", () => {
    expect(() => resolveMetricsRange({ from: "2026-05-09", to: "2026-05-01" }, "UTC", now)).toThrow(/after/);
    expect(() => resolveMetricsRange({ from: "2026-02-30" }, "UTC", now)).toThrow(/YYYY-MM-DD/);
    expect(() => resolveMetricsRange({ from: "2020-01-01", to: "2026-01-01" }, "UTC", now)).toThrow(/at most/);
  });

  it("falls back to UTC for an unknown store zone", () => {
    expect(resolveMetricsRange({}, "Not/AZone", now).timeZone).toBe("UTC");
  });
});
