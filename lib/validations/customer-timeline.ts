import { z } from "zod";
import { decodeTimelineCursor } from "@/lib/customers/timeline/timeline-cursor.ts";
import { TIMELINE_KINDS } from "@/lib/customers/timeline/timeline-entry.ts";

/** `?kind=order,message&cursor=…&limit=30`: kinds as a comma list (or the parameter repeated). */
export const customerTimelineQuerySchema = z.strictObject({
  kind: z
    .string()
    .max(200)
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(TIMELINE_KINDS)).min(1).max(TIMELINE_KINDS.length))
    .optional(),
  cursor: z
    .string()
    .max(200)
    .transform((value, context) => {
      const cursor = decodeTimelineCursor(value);
      if (!cursor) {
        context.addIssue({ code: "custom", message: "not a cursor this API made" });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** The query of a timeline request: repeated `kind` parameters are joined, anything else is taken once. */
export function timelineQueryInput(params: URLSearchParams): Record<string, string> {
  const input = Object.fromEntries(params);
  const kinds = params.getAll("kind");
  if (kinds.length > 1) input.kind = kinds.join(",");
  return input;
}
