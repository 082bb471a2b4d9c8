import { describe, expect, it } from "vitest";
import { slaRisk, type SlaRiskFields } from "./sla-risk.ts";

const created = "2026-01-01T10:00:00.000Z";
const base: SlaRiskFields = {
  status: "AWAITING_AGENT",
  workSince: created,
  createdAt: created,
  firstResponseAt: null,
  // 60 minutes to answer, 10 hours to resolve.
  firstResponseDueAt: "2026-01-01T11:00:00.000Z",
  resolutionDueAt: "2026-01-01T20:00:00.000Z",
  firstResponseBreached: false,
  resolutionBreached: false,
};
const at = (time: string) => new Date(`2026-01-01T${time}:00.000Z`);

describe("slaRisk", () => {
  it("is clear while more than a fifth of the target is left", () => {
    expect(slaRisk(base, at("10:47"))).toBeNull();
  });

  it("is at risk in the last fifth of the first-response target, breached at the due time", () => {
    expect(slaRisk(base, at("10:49"))).toBe("at_risk");
    expect(slaRisk(base, at("11:00"))).toBe("breached");
  });

  it("ignores the first-response clock once answered and watches the resolution one", () => {
    const answered = { ...base, firstResponseAt: "2026-01-01T10:05:00.000Z" };
    expect(slaRisk(answered, at("11:30"))).toBeNull();
    expect(slaRisk(answered, at("18:01"))).toBe("at_risk");
    expect(slaRisk(answered, at("20:01"))).toBe("breached");
  });

  it("reports a recorded breach even before the due time", () => {
    expect(slaRisk({ ...base, firstResponseBreached: true }, at("10:01"))).toBe("breached");
  });

  it("never flags tickets whose clocks are stopped", () => {
    for (const status of ["WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"] as const) {
      expect(slaRisk({ ...base, status, firstResponseBreached: true }, at("23:00"))).toBeNull();
    }
  });

  it("counts the target from when a watched ticket became work, not from its creation", () => {
    const watchedFirst = { ...base, createdAt: "2026-01-01T08:00:00.000Z" };
    expect(slaRisk(watchedFirst, at("10:47"))).toBeNull();
    expect(slaRisk(watchedFirst, at("10:49"))).toBe("at_risk");
  });

  it("is clear without targets", () => {
    expect(slaRisk({ ...base, firstResponseDueAt: null, resolutionDueAt: null }, at("23:00"))).toBeNull();
  });
});
