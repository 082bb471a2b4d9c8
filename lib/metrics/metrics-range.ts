import { AppError } from "@/lib/errors.ts";
import { addLocalDays, isValidTimeZone, localDateKey, localDateOf, parseLocalDateKey, zonedInstant } from "@/lib/ticket-lifecycle/zoned-time.ts";

export type MetricsRange = {
  /** Inclusive calendar days in the store's time zone, YYYY-MM-DD. */
  from: string;
  to: string;
  timeZone: string;
  /** [start, end) as instants. */
  start: Date;
  end: Date;
  days: string[];
};

export const DEFAULT_RANGE_DAYS = 7;
export const MAX_RANGE_DAYS = 366;

/**
 * The dashboard's date range: whole days in the store's time zone, the last week by default.
 * `to` defaults to today, `from` to six days before `to`.
 */
export function resolveMetricsRange(input: { from?: string; to?: string }, storeTimeZone: string, now: Date): MetricsRange {
  const timeZone = isValidTimeZone(storeTimeZone) ? storeTimeZone : "UTC";
  const parse = (value: string | undefined, field: string) => {
    if (value === undefined) return undefined;
    const date = parseLocalDateKey(value);
    if (!date) throw new AppError("VALIDATION_FAILED", `${field} must be a date as YYYY-MM-DD`, { [field]: value });
    return date;
  };
  const to = parse(input.to, "to") ?? localDateOf(now, timeZone);
  const from = parse(input.from, "from") ?? addLocalDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const days: string[] = [];
  for (let day = from; localDateKey(day) <= localDateKey(to); day = addLocalDays(day, 1)) {
    days.push(localDateKey(day));
    if (days.length > MAX_RANGE_DAYS) throw new AppError("VALIDATION_FAILED", `The range can span at most ${MAX_RANGE_DAYS} days`);
  }
  if (days.length === 0) throw new AppError("VALIDATION_FAILED", "from must not be after to");
  return {
    from: localDateKey(from),
    to: localDateKey(to),
    timeZone,
    start: new Date(zonedInstant(from, 0, timeZone)),
    end: new Date(zonedInstant(addLocalDays(to, 1), 0, timeZone)),
    days,
  };
}
