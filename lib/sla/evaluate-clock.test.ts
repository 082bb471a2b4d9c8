import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "@/lib/ticket-lifecycle/business-hours.ts";
import { evaluateClock } from "./evaluate-clock.ts";

const minutes = (n: number) => new Date(Date.UTC(2026, 2, 3, 12, 0) + n * 60_000);

describe("evaluateClock", () => {
  const base = { dueAt: minutes(60), targetSeconds: 3600, warnAtShare: 0.8, calendar: null };

  it("is ok before the warning share", () => {
    expect(evaluateClock({ ...base, now: minutes(30) })).toEqual({ state: "ok", elapsedShare: 0.5, remainingSeconds: 1800 });
  });

  it("is at risk from the warning share until the due time", () => {
    expect(evaluateClock({ ...base, now: minutes(48) }).state).toBe("at_risk");
    expect(evaluateClock({ ...base, now: minutes(59) }).state).toBe("at_risk");
  });

  it("is breached at the due time and measures how far past it", () => {
    expect(evaluateClock({ ...base, now: minutes(60) })).toEqual({ state: "breached", elapsedShare: 1, remainingSeconds: -0 });
    expect(evaluateClock({ ...base, now: minutes(90) })).toMatchObject({ state: "breached", elapsedShare: 1.5, remainingSeconds: -1800 });
  });

  it("measures in business time: a night does not use up the target", () => {
    const hours = { start: "09:00", end: "17:00" };
    const calendar = buildBusinessCalendar({ days: { tue: [hours], wed: [hours] } }, "UTC", []);
    // Due Wednesday 10:00 with a 2 h target; at Tuesday 20:00 one business hour is left (share 0.5).
    const result = evaluateClock({
      now: new Date("2026-03-03T20:00:00Z"),
      dueAt: new Date("2026-03-04T10:00:00Z"),
      targetSeconds: 7200,
      warnAtShare: 0.6,
      calendar,
    });
    expect(result).toEqual({ state: "ok", elapsedShare: 0.5, remainingSeconds: 3600 });
  });

  it("treats a zero target as due at once", () => {
    expect(evaluateClock({ ...base, targetSeconds: 0, now: minutes(0) }).state).toBe("ok");
    expect(evaluateClock({ ...base, targetSeconds: 0, now: minutes(61) }).elapsedShare).toBe(1);
  });
});
