import { z } from "zod";

/** Query of /api/v1/metrics/*: a day range in the store's time zone and an optional team. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const dashboardQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  teamId: z.uuid().optional(),
});

export const exportQuerySchema = dashboardQuerySchema.extend({
  report: z.enum(["tickets", "daily", "agents"]).default("tickets"),
});

/** A query string as a plain object; a key given twice stays an array so the strict schema refuses it. */
export function queryObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key).filter((value) => value !== "");
    if (values.length === 1) raw[key] = values[0]!;
    else if (values.length > 1) raw[key] = values;
  }
  return raw;
}
