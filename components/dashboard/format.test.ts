import { describe, expect, it } from "vitest";
import { formatDuration, titleCase } from "./format.ts";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [42, "42s"],
    [250, "4m 10s"],
    [720, "12m"],
    [12_000, "3h 20m"],
    [7200, "2h"],
    [187_200, "2d 4h"],
    [-90, "1m 30s"],
  ])("%s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("titleCase", () => {
  it("turns enum names into labels", () => {
    expect(titleCase("WAITING_ON_CUSTOMER")).toBe("Waiting On Customer");
  });
});
