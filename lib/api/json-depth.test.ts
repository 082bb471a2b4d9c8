import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json-depth.ts";

describe("nestsDeeperThan", () => {
  it("counts objects and arrays, not brackets inside strings", () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: "[[[[{{{{" }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: 'say \\"[[[[' }), 1)).toBe(false);
  });

  it("reads 100,000 levels without overflowing", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(nestsDeeperThan(deep)).toBe(true);
    expect(nestsDeeperThan("[1,2,3]")).toBe(false);
  });
});
