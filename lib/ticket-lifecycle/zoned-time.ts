/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: the SLA calendar needs
 * "09:00 on the store's Monday" as an instant, across DST changes.
 */

export type LocalDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

type WallClock = LocalDate & { hour: number; minute: number; second: number };

function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (whole seconds: sub-second offsets do not exist any more). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The calendar day `instant` falls on in the zone. */
export function localDateOf(instant: Date | number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(typeof instant === "number" ? instant : instant.getTime(), timeZone);
  return { year, month, day };
}

/** The day after (or `days` after) a calendar day; months and years roll over. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function localDateKey(date: LocalDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function parseLocalDateKey(key: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = addLocalDays(date, 0);
  return check.year === date.year && check.month === date.month && check.day === date.day ? date : null;
}

/**
 * The instant at which the zone's clocks show `minuteOfDay` (0…1440) on `date`. A time skipped by
 * a DST jump maps to the same wall time after the jump (Temporal's "compatible"); a repeated time
 * maps to its first occurrence.
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // The offset may differ on either side of the wanted instant: try both and keep the one that reads back.
  const first = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  const second = wallAsUtc - offsetAt(first, timeZone);
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const candidate of candidates) {
    if (candidate + offsetAt(candidate, timeZone) === wallAsUtc) return candidate;
  }
  // In a DST gap no instant reads back: the later candidate is the wall time shifted past the jump.
  return candidates[1]!;
}
