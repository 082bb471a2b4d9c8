import { describe, expect, it } from "vitest";
import { rangeProblem } from "./range-problem.ts";

describe("rangeProblem", () => {
  it("says so when From is after To, and accepts an open or a one-day range", () => {
    expect(rangeProblem({ from: "2026-12-10", to: "2026-12-01" })).toMatch(/“From” is after “To”/);
    expect(rangeProblem({ from: "2026-12-01", to: "2026-12-01" })).toBeNull();
    expect(rangeProblem({ from: "2026-12-01", to: "" })).toBeNull();
    expect(rangeProblem({ from: "", to: "" })).toBeNull();
  });
});
