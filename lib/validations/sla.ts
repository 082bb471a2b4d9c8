import { z } from "zod";
import { CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";
import { businessHoursSchema } from "@/lib/ticket-lifecycle/business-hours.ts";
import { parseLocalDateKey } from "@/lib/ticket-lifecycle/zoned-time.ts";

/** Shapes of the SLA API: policies, escalation policies, holidays. */

const name = z.string().trim().min(1, "Name is required").max(100);
// From a few seconds (tests, demos) to a year; the UI speaks minutes and hours.
const target = z.number().int().min(1).max(365 * 24 * 3600);

const slaPolicyFields = {
  name,
  priority: z.enum(TicketPriority).nullable().optional(),
  tier: z.enum(CustomerTier).nullable().optional(),
  firstResponseSeconds: target,
  nextResponseSeconds: target.nullable().optional(),
  resolutionSeconds: target,
  warnAtShare: z.number().min(0.05).max(0.99).optional(),
  businessHours: businessHoursSchema.nullable().optional(),
};

export const createSlaPolicyBodySchema = z.strictObject(slaPolicyFields);
export type CreateSlaPolicyBody = z.infer<typeof createSlaPolicyBodySchema>;

export const updateSlaPolicyBodySchema = z
  .strictObject({
    ...slaPolicyFields,
    name: name.optional(),
    firstResponseSeconds: target.optional(),
    resolutionSeconds: target.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });
export type UpdateSlaPolicyBody = z.infer<typeof updateSlaPolicyBodySchema>;

const escalationFields = {
  name,
  /** The ticket category the policy is for; null applies to every category without its own policy. */
  category: z.string().trim().min(1).max(100).nullable().optional(),
  /** 1 = at the breach; 0.8 = before it; 1.5 = half a target after it. */
  thresholdShare: z.number().min(0.1).max(10).optional(),
  targetTeamId: z.uuid().nullable().optional(),
  enabled: z.boolean().optional(),
};

export const createEscalationPolicyBodySchema = z.strictObject(escalationFields);
export type CreateEscalationPolicyBody = z.infer<typeof createEscalationPolicyBodySchema>;

export const updateEscalationPolicyBodySchema = z
  .strictObject({ ...escalationFields, name: name.optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });
export type UpdateEscalationPolicyBody = z.infer<typeof updateEscalationPolicyBodySchema>;

export const createSlaHolidayBodySchema = z.strictObject({
  date: z.string().refine((value) => parseLocalDateKey(value) !== null, { message: "Use a real date as YYYY-MM-DD" }),
  name: name,
});
export type CreateSlaHolidayBody = z.infer<typeof createSlaHolidayBodySchema>;
