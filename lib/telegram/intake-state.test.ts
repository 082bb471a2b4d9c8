import { describe, expect, it } from "vitest";
import { guessIdentifier, parseIntakeState } from "./intake-state.ts";

describe("guessIdentifier", () => {
  it("reads order numbers in the ways customers type them", () => {
    for (const text of ["1024", "#1024", " order 1024 ", "Order #1024", "order no. 1024"]) {
      expect(guessIdentifier(text)).toEqual({ kind: "order", orderId: 1024 });
    }
  });

  it("reads an email, lower-cased", () => {
    expect(guessIdentifier(" Kim@Example.COM ")).toEqual({ kind: "email", email: "kim@example.com" });
  });

  it("returns null for anything else", () => {
    for (const text of ["hello", "my order is late", "0", "99999999999", "kim@", "@example.com"]) expect(guessIdentifier(text)).toBeNull();
  });
});

describe("parseIntakeState", () => {
  it("accepts a stored state and defaults missing parts", () => {
    expect(parseIntakeState({ step: "awaiting_identifier", reason: "refund" })).toEqual({ step: "awaiting_identifier", reason: "refund", pending: [], reminders: 0 });
  });

  it("treats a malformed value as no state", () => {
    expect(parseIntakeState(null)).toBeNull();
    expect(parseIntakeState({ step: "weird" })).toBeNull();
    expect(parseIntakeState("done")).toBeNull();
  });

  it("drops an unknown reason", () => {
    expect(parseIntakeState({ step: "done", reason: "bogus" })).toEqual({ step: "done", pending: [], reminders: 0 });
  });
});
