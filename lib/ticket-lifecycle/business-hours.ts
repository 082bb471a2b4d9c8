import { z } from "zod";
import { isValidTimeZone } from "./zoned-time.ts";

/**
 * SlaPolicy.businessHours: when the clocks of a business-hours policy run. Stored as JSON, so it is
 * validated on write (the API) and parsed defensively on read: a row that no longer parses counts
 * as "around the clock" rather than stopping the scheduler.
 */

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM (00:00 to 24:00)");

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

const intervalSchema = z
  .strictObject({ start: clockTime, end: clockTime })
  .refine((interval) => minutesOf(interval.end) > minutesOf(interval.start), { message: "An interval must end after it starts (no overnight spans)" });

const dayIntervals = z
  .array(intervalSchema)
  .max(4)
  .refine(
    (intervals) => {
      const sorted = [...intervals].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
      return sorted.every((interval, index) => index === 0 || minutesOf(interval.start) >= minutesOf(sorted[index - 1]!.end));
    },
    { message: "Intervals of one day must not overlap" },
  );

export const businessHoursSchema = z
  .strictObject({
    timeZone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine(isValidTimeZone, { message: "The business hours' time zone is not one Tern knows: use a name such as Europe/Berlin or America/New_York" })
      .optional(),
    days: z.partialRecord(z.enum(WEEKDAYS), dayIntervals),
  })
  .refine((hours) => Object.values(hours.days).some((intervals) => intervals && intervals.length > 0), {
    message: "Business hours need at least one open interval in the week",
    path: ["days"],
  });

export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Open intervals per weekday (0 = Sunday) in minutes of the day, sorted; holidays as YYYY-MM-DD. */
export type BusinessCalendar = {
  timeZone: string;
  week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  holidays: ReadonlySet<string>;
};

export function parseBusinessHours(value: unknown): BusinessHours | null {
  if (value === null || value === undefined) return null;
  const parsed = businessHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** null means the clocks run around the clock (no business hours). */
export function buildBusinessCalendar(hours: BusinessHours | null, storeTimeZone: string, holidays: Iterable<string>): BusinessCalendar | null {
  if (!hours) return null;
  const week = WEEKDAYS.map((day) =>
    (hours.days[day] ?? []).map((interval) => [minutesOf(interval.start), minutesOf(interval.end)] as const).sort((a, b) => a[0] - b[0]),
  );
  const timeZone = hours.timeZone ?? (isValidTimeZone(storeTimeZone) ? storeTimeZone : "UTC");
  return { timeZone, week, holidays: new Set(holidays) };
}
