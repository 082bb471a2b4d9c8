import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "./business-hours.ts";
import { DEFAULT_SLA_TARGETS, pickSlaPolicy, type SlaPolicyCandidate } from "./resolve-ticket-sla.ts";
import { slaDueTimes } from "./sla-targets.ts";

function policy(id: string, priority: SlaPolicyCandidate["priority"], tier: SlaPolicyCandidate["tier"], createdMinute = 0): SlaPolicyCandidate {
  return { id, priority, tier, firstResponseSeconds: 600, resolutionSeconds: 6000, createdAt: new Date(createdMinute * 60_000) };
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

  it("counts only business hours under a business-hours policy, paused business time included", () => {
    const weekdays = { start: "09:00", end: "17:00" };
    const calendar = buildBusinessCalendar({ days: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays] } }, "Europe/Berlin", []);
    // Friday 2026-01-02 16:00 in Berlin (15:00Z): one business hour today, the rest from Monday 09:00.
    const start = new Date("2026-01-02T15:00:00.000Z");
    const due = slaDueTimes(start, { firstResponseSeconds: 2 * 3600, resolutionSeconds: 16 * 3600 }, 0, calendar);
    expect(due.firstResponseDueAt).toEqual(new Date("2026-01-05T09:00:00.000Z"));
    expect(due.resolutionDueAt).toEqual(new Date("2026-01-06T15:00:00.000Z"));
    const paused = slaDueTimes(start, { firstResponseSeconds: 2 * 3600, resolutionSeconds: 16 * 3600 }, 3600, calendar);
    expect(paused.firstResponseDueAt).toEqual(new Date("2026-01-05T10:00:00.000Z"));
  });
});
