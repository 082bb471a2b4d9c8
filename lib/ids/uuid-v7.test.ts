import { describe, expect, it } from "vitest";
import { isUuid } from "./is-uuid.ts";
import { uuidV7, uuidV7Sequence } from "./uuid-v7.ts";

describe("uuidV7", () => {
  it("is a version 7, variant 1 uuid", () => {
    const id = uuidV7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  });

  it("sorts by creation time", () => {
    const earlier = uuidV7(Date.UTC(2026, 0, 1));
    const later = uuidV7(Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 8)).toBe(later.slice(0, 8));
  });
});

describe("uuidV7 randomness", () => {
  it("never repeats across refills of its entropy pool", () => {
    const ids = new Set(Array.from({ length: 2_000 }, () => uuidV7(0)));
    expect(ids.size).toBe(2_000);
  });
});

describe("uuidV7Sequence", () => {
  it("sorts in the order given within one millisecond, past the 12-bit counter too", () => {
    const ids = uuidV7Sequence(5_000, Date.UTC(2026, 0, 1));
    expect(ids.every(isUuid)).toBe(true);
    expect(ids.every((id) => id[14] === "7")).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5_000);
  });
});
