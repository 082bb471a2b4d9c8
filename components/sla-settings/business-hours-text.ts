import { WEEKDAYS, type BusinessHours, type Weekday } from "@/lib/ticket-lifecycle/business-hours.ts";

export type HoursDraft = Record<Weekday, string>;

/** Stored hours as editable text per day: "09:00-12:00, 13:00-17:00", empty for closed. */
export function hoursDraft(hours: BusinessHours | null): HoursDraft {
  const draft = Object.fromEntries(WEEKDAYS.map((day) => [day, ""])) as HoursDraft;
  for (const day of WEEKDAYS) {
    draft[day] = (hours?.days[day] ?? []).map((interval) => `${interval.start}-${interval.end}`).join(", ");
  }
  return draft;
}

/** The typical week to start from. */
export const OFFICE_HOURS: HoursDraft = { sun: "", mon: "09:00-17:00", tue: "09:00-17:00", wed: "09:00-17:00", thu: "09:00-17:00", fri: "09:00-17:00", sat: "" };

/** Text back to the API's shape; the server validates the times and overlaps and says what is wrong. */
export function hoursFromDraft(draft: HoursDraft, timeZone: string): BusinessHours {
  const days: BusinessHours["days"] = {};
  for (const day of WEEKDAYS) {
    const intervals = draft[day]
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [start = "", end = ""] = part.split(/\s*[-–]\s*/);
        return { start: start.padStart(5, "0"), end: end.padStart(5, "0") };
      });
    if (intervals.length) days[day] = intervals;
  }
  return timeZone.trim() ? { timeZone: timeZone.trim(), days } : { days };
}
