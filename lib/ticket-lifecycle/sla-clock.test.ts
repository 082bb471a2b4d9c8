import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "./business-hours.ts";
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

  it("under business hours, gives back only the business time of the pause", () => {
    const hours = { start: "09:00", end: "17:00" };
    const calendar = buildBusinessCalendar({ days: { mon: [hours], tue: [hours], wed: [hours], thu: [hours], fri: [hours] } }, "UTC", []);
    // Waiting from Friday 2026-01-02 16:00 to Monday 10:00: 1 h Friday + 1 h Monday of business time.
    const waiting: SlaClocks = {
      ...base,
      status: "WAITING_ON_CUSTOMER",
      waitingSince: new Date("2026-01-02T16:00:00Z"),
      firstResponseDueAt: new Date("2026-01-05T11:00:00Z"),
      resolutionDueAt: new Date("2026-01-06T16:30:00Z"),
    };
    expect(slaStampsForTransition(waiting, "IN_PROGRESS", new Date("2026-01-05T10:00:00Z"), calendar)).toEqual({
      waitingSince: null,
      pausedSeconds: 2 * 3600,
      firstResponseDueAt: new Date("2026-01-05T13:00:00Z"),
      // 16:30 + 2 h of business time: 30 min Tuesday, 1.5 h Wednesday.
      resolutionDueAt: new Date("2026-01-07T10:30:00Z"),
    });
  });

  it("under business hours, a pause entirely outside them moves nothing", () => {
    const hours = { start: "09:00", end: "17:00" };
    const calendar = buildBusinessCalendar({ days: { mon: [hours], tue: [hours], wed: [hours], thu: [hours], fri: [hours] } }, "UTC", []);
    const waiting: SlaClocks = { ...base, status: "WAITING_ON_CUSTOMER", waitingSince: new Date("2026-01-03T10:00:00Z") };
    expect(slaStampsForTransition(waiting, "IN_PROGRESS", new Date("2026-01-04T20:00:00Z"), calendar)).toEqual({ waitingSince: null });
  });
});
