import { z } from "zod";
import { CustomerTier } from "@/lib/generated/prisma/enums.ts";

/**
 * AssignmentRule.conditions. Every criterion given must match; a list matches when any of its
 * entries does (case-insensitive). A rule with no criteria matches every ticket (a catch-all).
 */

const label = z.string().trim().min(1).max(100);
const labels = z
  .array(label)
  .min(1)
  .max(50)
  .transform((values) => [...new Set(values)]);
const money = z.number().finite().nonnegative().max(1e9);

export const assignmentConditionsSchema = z
  .strictObject({
    /** Product categories of the ticket's order. */
    category: labels.optional(),
    /** Order total (tax included), in the store's currency. */
    minOrderValue: money.optional(),
    maxOrderValue: money.optional(),
    tier: z.enum(CustomerTier).optional(),
    /** The ticket's category or one of its tags, e.g. "refund". */
    issueType: labels.optional(),
    /** The customer's region, else the order's billing country (ISO code or name). */
    region: labels.optional(),
  })
  .refine((c) => c.minOrderValue === undefined || c.maxOrderValue === undefined || c.minOrderValue <= c.maxOrderValue, {
    message: "minOrderValue must not exceed maxOrderValue",
    path: ["maxOrderValue"],
  });

export type AssignmentConditions = z.infer<typeof assignmentConditionsSchema>;

/** A stored value that no longer parses matches nothing: a broken rule must never swallow every ticket. */
export function parseAssignmentConditions(value: unknown): AssignmentConditions | null {
  const parsed = assignmentConditionsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : null;
}
