import { describe, expect, it } from "vitest";
import { buildBusinessCalendar, type BusinessHours } from "./business-hours.ts";
import { addBusinessSeconds, businessSecondsBetween } from "./business-time.ts";

const nineToFive = { start: "09:00", end: "17:00" };
const weekdays: BusinessHours = { days: { mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive] } };
const HOUR = 3600;

function calendar(hours: BusinessHours, timeZone = "UTC", holidays: string[] = []) {
  return buildBusinessCalendar(hours, timeZone, holidays);
}

const at = (iso: string) => new Date(iso);

describe("addBusinessSeconds", () => {
  it("is plain addition without a calendar", () => {
    expect(addBusinessSeconds(at("2026-03-06T16:30:00Z"), 2 * HOUR, null)).toEqual(at("2026-03-06T18:30:00Z"));
  });

  it("stays within the day when the target fits", () => {
    // Tuesday 2026-03-03, 10:00 UTC.
    expect(addBusinessSeconds(at("2026-03-03T10:00:00Z"), 3 * HOUR, calendar(weekdays))).toEqual(at("2026-03-03T13:00:00Z"));
  });

  it("carries across the night into the next day", () => {
    expect(addBusinessSeconds(at("2026-03-03T16:00:00Z"), 3 * HOUR, calendar(weekdays))).toEqual(at("2026-03-04T11:00:00Z"));
  });

  it("carries across the weekend", () => {
    // Friday 2026-03-06 15:00 → 2 h Friday, 2 h Monday.
    expect(addBusinessSeconds(at("2026-03-06T15:00:00Z"), 4 * HOUR, calendar(weekdays))).toEqual(at("2026-03-09T11:00:00Z"));
  });

  it("starts at opening time when the clock starts outside business hours", () => {
    expect(addBusinessSeconds(at("2026-03-07T12:00:00Z"), 30 * 60, calendar(weekdays))).toEqual(at("2026-03-09T09:30:00Z"));
    expect(addBusinessSeconds(at("2026-03-03T06:00:00Z"), HOUR, calendar(weekdays))).toEqual(at("2026-03-03T10:00:00Z"));
  });

  it("ends exactly at closing time rather than at the next opening", () => {
    expect(addBusinessSeconds(at("2026-03-03T09:00:00Z"), 8 * HOUR, calendar(weekdays))).toEqual(at("2026-03-03T17:00:00Z"));
  });

  it("skips holidays", () => {
    // Wednesday 2026-03-04 is a holiday: Tuesday 16:00 + 2 h lands on Thursday 10:00.
    expect(addBusinessSeconds(at("2026-03-03T16:00:00Z"), 2 * HOUR, calendar(weekdays, "UTC", ["2026-03-04"]))).toEqual(at("2026-03-05T10:00:00Z"));
  });

  it("uses several intervals a day (a lunch break)", () => {
    const split: BusinessHours = { days: { tue: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }] } };
    expect(addBusinessSeconds(at("2026-03-03T11:00:00Z"), 2 * HOUR, calendar(split))).toEqual(at("2026-03-03T14:00:00Z"));
  });

  it("reads the hours in the store's time zone", () => {
    // Tokyo is UTC+9 with no DST: Tuesday 16:00 JST (07:00Z) + 2 h → Wednesday 10:00 JST (01:00Z).
    expect(addBusinessSeconds(at("2026-03-03T07:00:00Z"), 2 * HOUR, calendar(weekdays, "Asia/Tokyo"))).toEqual(at("2026-03-04T01:00:00Z"));
  });

  it("lets the policy's own time zone win over the store's", () => {
    const hours: BusinessHours = { ...weekdays, timeZone: "America/New_York" };
    // 2026-03-03 is EST (UTC-5): 09:00 New York is 14:00Z.
    expect(addBusinessSeconds(at("2026-03-03T12:00:00Z"), HOUR, calendar(hours, "Asia/Tokyo"))).toEqual(at("2026-03-03T15:00:00Z"));
  });

  it("follows a DST change: opening time moves in UTC", () => {
    // New York springs forward on Sunday 2026-03-08. Friday 16:00 EST (21:00Z) + 2 h:
    // 1 h on Friday, then Monday 09:00 EDT = 13:00Z, + 1 h = 14:00Z.
    expect(addBusinessSeconds(at("2026-03-06T21:00:00Z"), 2 * HOUR, calendar(weekdays, "America/New_York"))).toEqual(at("2026-03-09T14:00:00Z"));
  });

  it("handles a local day that crosses the UTC date line", () => {
    // Auckland (UTC+13 in March): Monday 2026-03-09 08:00 NZDT is Sunday 19:00Z.
    expect(addBusinessSeconds(at("2026-03-08T19:00:00Z"), HOUR, calendar(weekdays, "Pacific/Auckland"))).toEqual(at("2026-03-08T21:00:00Z"));
  });

  it("refuses a calendar with no open time instead of looping", () => {
    const allHolidays = Array.from({ length: 800 }, (_, day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10));
    expect(() => addBusinessSeconds(at("2026-01-01T00:00:00Z"), HOUR, calendar(weekdays, "UTC", allHolidays))).toThrow(/no open time/);
  });
});

describe("businessSecondsBetween", () => {
  it("is the wall-clock difference without a calendar, and 0 backwards", () => {
    expect(businessSecondsBetween(at("2026-03-03T10:00:00Z"), at("2026-03-03T12:30:00Z"), null)).toBe(2.5 * HOUR);
    expect(businessSecondsBetween(at("2026-03-03T12:00:00Z"), at("2026-03-03T10:00:00Z"), null)).toBe(0);
  });

  it("counts only open time across days, weekends and holidays", () => {
    const cal = calendar(weekdays, "UTC", ["2026-03-09"]);
    // Friday 15:00 → Tuesday 10:00 with Monday a holiday: 2 h + 1 h.
    expect(businessSecondsBetween(at("2026-03-06T15:00:00Z"), at("2026-03-10T10:00:00Z"), cal)).toBe(3 * HOUR);
  });

  it("is the inverse of addBusinessSeconds", () => {
    const cal = calendar(weekdays, "Europe/London");
    const start = at("2026-03-27T15:17:00Z"); // the Friday before the UK clocks change
    for (const seconds of [60, 3 * HOUR, 8 * HOUR, 19 * HOUR, 41 * HOUR]) {
      const end = addBusinessSeconds(start, seconds, cal);
      expect(businessSecondsBetween(start, end, cal)).toBe(seconds);
    }
  });

  it("makes adding in two steps equal to adding at once (pushing a due time by a pause)", () => {
    const cal = calendar(weekdays, "America/New_York");
    const start = at("2026-03-05T18:00:00Z");
    const once = addBusinessSeconds(start, 10 * HOUR, cal);
    const twice = addBusinessSeconds(addBusinessSeconds(start, 6 * HOUR, cal), 4 * HOUR, cal);
    expect(twice).toEqual(once);
  });
});
