import { describe, expect, it } from "vitest";
import { buildBusinessCalendar, businessHoursSchema, parseBusinessHours } from "./business-hours.ts";

describe("businessHoursSchema", () => {
  it("accepts weekly intervals with an optional time zone", () => {
    const parsed = businessHoursSchema.parse({ timeZone: "Europe/Paris", days: { mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "24:00" }] } });
    expect(parsed.days.mon).toHaveLength(2);
  });

  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus", days: { mon: [{ start: "09:00", end: "17:00" }] } }],
    ["an interval ending before it starts", { days: { mon: [{ start: "17:00", end: "09:00" }] } }],
    ["overlapping intervals", { days: { mon: [{ start: "09:00", end: "13:00" }, { start: "12:00", end: "17:00" }] } }],
    ["a malformed time", { days: { mon: [{ start: "9am", end: "17:00" }] } }],
    ["a week with no open time", { days: { mon: [] } }],
    ["an unknown day", { days: { someday: [{ start: "09:00", end: "17:00" }] } }],
  ])("refuses %s", (_, value) => {
    expect(businessHoursSchema.safeParse(value).success).toBe(false);
  });
});

describe("buildBusinessCalendar", () => {
  it("is null (around the clock) without hours, and for a stored value that no longer parses", () => {
    expect(buildBusinessCalendar(null, "UTC", [])).toBeNull();
    expect(buildBusinessCalendar(parseBusinessHours({ days: "nonsense" }), "UTC", [])).toBeNull();
  });

  it("falls back to the store's zone, and to UTC for an invalid one", () => {
    const hours = { days: { mon: [{ start: "09:00", end: "17:00" }] } };
    expect(buildBusinessCalendar(hours, "Asia/Tokyo", [])?.timeZone).toBe("Asia/Tokyo");
    expect(buildBusinessCalendar(hours, "Nowhere/Else", [])?.timeZone).toBe("UTC");
    expect(buildBusinessCalendar(hours, "UTC", [])?.week[1]).toEqual([[540, 1020]]);
  });
});
