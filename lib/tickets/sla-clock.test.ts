import { describe, expect, it } from "vitest";
import { slaStampsForTransition, type SlaClocks } from "./sla-clock.ts";

const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, 0) + minutes * 60_000);

const base: SlaClocks = {
  status: "IN_PROGRESS",
  waitingSince: null,
  pausedSeconds: 0,
  firstResponseAt: null,
  firstResponseDueAt: t(60),
  resolutionDueAt: t(24 * 60),
};

describe("slaStampsForTransition", () => {
  it("starts the pause when entering Waiting on Customer", () => {
    expect(slaStampsForTransition(base, "WAITING_ON_CUSTOMER", t(10))).toEqual({ waitingSince: t(10) });
  });

  it("ends the pause and pushes both due times by it", () => {
    const waiting = { ...base, status: "WAITING_ON_CUSTOMER" as const, waitingSince: t(10), pausedSeconds: 30 };
    expect(slaStampsForTransition(waiting, "IN_PROGRESS", t(40))).toEqual({
      waitingSince: null,
      pausedSeconds: 30 + 30 * 60,
      firstResponseDueAt: t(90),
      resolutionDueAt: t(24 * 60 + 30),
    });
  });

  it("leaves the first-response due time alone once answered", () => {
    const waiting = { ...base, status: "WAITING_ON_CUSTOMER" as const, waitingSince: t(10), firstResponseAt: t(5) };
    const stamps = slaStampsForTransition(waiting, "AWAITING_AGENT", t(20));
    expect(stamps.firstResponseDueAt).toBeUndefined();
    expect(stamps.resolutionDueAt).toEqual(t(24 * 60 + 10));
  });

  it("closes the pause before resolving", () => {
    const waiting = { ...base, status: "WAITING_ON_CUSTOMER" as const, waitingSince: t(0) };
    expect(slaStampsForTransition(waiting, "RESOLVED", t(60))).toEqual({
      waitingSince: null,
      pausedSeconds: 3600,
      firstResponseDueAt: t(120),
      resolutionDueAt: t(25 * 60),
      resolvedAt: t(60),
    });
  });

  it("clears resolvedAt on reopen but keeps it on close", () => {
    const resolved = { ...base, status: "RESOLVED" as const };
    expect(slaStampsForTransition(resolved, "IN_PROGRESS", t(5))).toEqual({ resolvedAt: null });
    expect(slaStampsForTransition(resolved, "CLOSED", t(5))).toEqual({ closedAt: t(5) });
  });

  it("never pulls due times earlier when the pause start lies in the future", () => {
    const waiting = { ...base, status: "WAITING_ON_CUSTOMER" as const, waitingSince: t(50) };
    expect(slaStampsForTransition(waiting, "IN_PROGRESS", t(40))).toEqual({ waitingSince: null });
  });

  it("stamps nothing for a move between working statuses", () => {
    expect(slaStampsForTransition(base, "ESCALATED", t(5))).toEqual({});
  });
});
