import type { BusinessCalendar } from "./business-hours.ts";
import { addLocalDays, localDateKey, localDateOf, weekdayOf, zonedInstant, type LocalDate } from "./zoned-time.ts";

/**
 * SLA time arithmetic. With no calendar the clocks run around the clock; with one they run only
 * inside its open intervals, on days that are not holidays, in its time zone. Both functions are
 * exact to the millisecond and agree: addBusinessSeconds(a, businessSecondsBetween(a, b)) is the
 * first instant at or before b with the same business time, so pushing a due time forward by a
 * pause measured here never drifts.
 */

type Interval = readonly [start: number, end: number];

// A week of holidays in a row would still end; a year of them is a misconfiguration, not a calendar.
const MAX_DAYS = 400;

function openIntervals(calendar: BusinessCalendar, date: LocalDate): Interval[] {
  if (calendar.holidays.has(localDateKey(date))) return [];
  return (calendar.week[weekdayOf(date)] ?? []).map(([start, end]) => [
    zonedInstant(date, start, calendar.timeZone),
    zonedInstant(date, end, calendar.timeZone),
  ]);
}

/** The first instant at which `seconds` of business time have passed since `start`. */
export function addBusinessSeconds(start: Date, seconds: number, calendar: BusinessCalendar | null): Date {
  if (!calendar) return new Date(start.getTime() + seconds * 1000);
  let remaining = Math.max(0, seconds) * 1000;
  let cursor = start.getTime();
  let date = localDateOf(cursor, calendar.timeZone);
  for (let day = 0; day < MAX_DAYS; day++) {
    for (const [open, close] of openIntervals(calendar, date)) {
      if (close <= cursor) continue;
      const from = Math.max(open, cursor);
      if (from + remaining <= close) return new Date(from + remaining);
      remaining -= close - from;
      cursor = close;
    }
    date = addLocalDays(date, 1);
  }
  throw new Error("The business calendar has no open time within a year: check its hours and holidays");
}

/** Business time between two instants, in seconds (0 when `to` is not after `from`). */
export function businessSecondsBetween(from: Date, to: Date, calendar: BusinessCalendar | null): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (!calendar) return (end - start) / 1000;
  let total = 0;
  let date = localDateOf(start, calendar.timeZone);
  // Walk the local days from the one holding `from` to the one holding `to`.
  const last = localDateKey(localDateOf(end, calendar.timeZone));
  for (;;) {
    for (const [open, close] of openIntervals(calendar, date)) {
      const overlap = Math.min(close, end) - Math.max(open, start);
      if (overlap > 0) total += overlap;
    }
    if (localDateKey(date) >= last) break;
    date = addLocalDays(date, 1);
  }
  return total / 1000;
}
