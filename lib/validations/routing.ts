import { z } from "zod";
import { Availability, CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";
import { assignmentConditionsSchema } from "@/lib/routing/assignment-rule-conditions.ts";

/** Shapes of the routing API: assignment rules, their preview, routing settings, availability. */

const name = z.string().trim().min(1, "Name is required").max(100);
const ruleActions = {
  teamId: z.uuid().nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  priority: z.enum(TicketPriority).nullable().optional(),
  /** Watched order tickets this rule matches are work at once. */
  makesWork: z.boolean().optional(),
};

function hasAction(rule: { teamId?: string | null; assigneeId?: string | null; priority?: string | null; makesWork?: boolean }): boolean {
  return Boolean(rule.teamId || rule.assigneeId || rule.priority || rule.makesWork);
}

export const createAssignmentRuleBodySchema = z
  .strictObject({ name, enabled: z.boolean().optional(), conditions: assignmentConditionsSchema.default({}), ...ruleActions })
  .refine(hasAction, { message: "A rule must route to a team, an agent or a priority, or make order tickets work", path: ["teamId"] });

export type CreateAssignmentRuleBody = z.infer<typeof createAssignmentRuleBodySchema>;

export const updateAssignmentRuleBodySchema = z
  .strictObject({ name: name.optional(), enabled: z.boolean().optional(), conditions: assignmentConditionsSchema.optional(), ...ruleActions })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export type UpdateAssignmentRuleBody = z.infer<typeof updateAssignmentRuleBodySchema>;

export const reorderAssignmentRulesBodySchema = z.strictObject({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each rule may appear once" }),
});

const label = z.string().trim().min(1).max(100);

/** Preview a real ticket (by id or display number), or made-up facts ("a VIP refund of 300 from DE"). */
export const previewAssignmentBodySchema = z.union([
  z.strictObject({ ticketId: z.uuid() }),
  // Ticket numbers are PostgreSQL integers.
  z.strictObject({ ticketNumber: z.number().int().positive().max(2_147_483_647) }),
  z.strictObject({
    facts: z.strictObject({
      productCategories: z.array(label).max(50).default([]),
      orderValue: z.number().finite().nonnegative().nullable().default(null),
      tier: z.enum(CustomerTier).default("STANDARD"),
      issueTypes: z.array(label).max(50).default([]),
      region: label.nullable().default(null),
    }),
  }),
]);

export type PreviewAssignmentBody = z.infer<typeof previewAssignmentBodySchema>;

export const routingSettingsBodySchema = z
  .strictObject({
    autoAssign: z.boolean().optional(),
    assignmentTimeoutSeconds: z.number().int().min(30).max(7 * 24 * 3600).nullable().optional(),
    requeueOnUnavailable: z.boolean().optional(),
    watchOrderTickets: z.boolean().optional(),
    // BigCommerce's order status ids are 0–14 (Incomplete … Partially Refunded).
    workOrderStatusIds: z
      .array(z.number().int().min(0, "Order statuses are BigCommerce's ids 0 to 14.").max(14, "Order statuses are BigCommerce's ids 0 to 14."))
      .max(15)
      .transform((ids) => [...new Set(ids)].sort((a, b) => a - b))
      .optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export const availabilityBodySchema = z.strictObject({ availability: z.enum(Availability) });
