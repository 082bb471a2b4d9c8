import { describe, expect, it } from "vitest";
import { hoursDraft, hoursFromDraft, OFFICE_HOURS } from "./business-hours-text.ts";

describe("business hours as text", () => {
  it("round-trips split days and closed days", () => {
    const hours = { timeZone: "Europe/Paris", days: { mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:30" }] } };
    const draft = hoursDraft(hours);
    expect(draft.mon).toBe("09:00-12:00, 13:00-17:30");
    expect(draft.sun).toBe("");
    expect(hoursFromDraft(draft, "Europe/Paris")).toEqual(hours);
  });

  it("accepts short hours and dashes, and leaves the zone out when empty", () => {
    expect(hoursFromDraft({ ...OFFICE_HOURS, mon: "8:30 – 16:00" }, "")).toMatchObject({ days: { mon: [{ start: "08:30", end: "16:00" }] } });
    expect(hoursFromDraft(OFFICE_HOURS, " ")).not.toHaveProperty("timeZone");
  });
});
