import { describe, expect, it } from "vitest";
import { DEFAULT_SLA_TARGETS, pickSlaPolicy, slaDueTimes, type SlaPolicyCandidate } from "./sla-targets.ts";

function policy(id: string, priority: SlaPolicyCandidate["priority"], tier: SlaPolicyCandidate["tier"], createdMinute = 0): SlaPolicyCandidate {
  return { id, priority, tier, firstResponseMinutes: 10, resolutionMinutes: 100, createdAt: new Date(createdMinute * 60_000) };
}

describe("pickSlaPolicy", () => {
  const policies = [
    policy("any", null, null),
    policy("vip", null, "VIP"),
    policy("high", "HIGH", null),
    policy("high-vip", "HIGH", "VIP"),
    policy("low-standard", "LOW", "STANDARD"),
  ];

  it("prefers the policy matching both priority and tier", () => {
    expect(pickSlaPolicy(policies, { priority: "HIGH", tier: "VIP" })?.id).toBe("high-vip");
  });

  it("prefers a priority match over a tier match", () => {
    expect(pickSlaPolicy(policies.filter((p) => p.id !== "high-vip"), { priority: "HIGH", tier: "VIP" })?.id).toBe("high");
  });

  it("falls back to a tier match, then the catch-all", () => {
    expect(pickSlaPolicy(policies, { priority: "URGENT", tier: "VIP" })?.id).toBe("vip");
    expect(pickSlaPolicy(policies, { priority: "URGENT", tier: "STANDARD" })?.id).toBe("any");
  });

  it("never picks a policy for another priority or tier", () => {
    expect(pickSlaPolicy([policy("low-standard", "LOW", "STANDARD")], { priority: "LOW", tier: "VIP" })).toBeNull();
  });

  it("breaks ties by age", () => {
    expect(pickSlaPolicy([policy("newer", null, null, 5), policy("older", null, null, 1)], { priority: "LOW", tier: "VIP" })?.id).toBe("older");
  });
});

describe("slaDueTimes", () => {
  it("adds the targets to the start, after the paused time", () => {
    const start = new Date("2026-01-01T09:00:00.000Z");
    expect(slaDueTimes(start, DEFAULT_SLA_TARGETS)).toEqual({
      firstResponseDueAt: new Date("2026-01-01T10:00:00.000Z"),
      resolutionDueAt: new Date("2026-01-02T09:00:00.000Z"),
    });
    expect(slaDueTimes(start, DEFAULT_SLA_TARGETS, 1800).firstResponseDueAt).toEqual(new Date("2026-01-01T10:30:00.000Z"));
  });
});
