import { z } from "zod";

/** Bodies of the ticket action routes (claim takes none). */

export const snoozeBodySchema = z.strictObject({
  // ISO 8601 with an offset: the browser knows the agent's time zone, the server does not.
  until: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .nullable(),
});

export const escalateBodySchema = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const mergeBodySchema = z.strictObject({ targetTicketId: z.uuid() });

export const transferBodySchema = z
  .strictObject({ teamId: z.uuid().nullable().optional(), assigneeId: z.uuid().nullable().optional() })
  .refine((body) => body.teamId !== undefined || body.assigneeId !== undefined, { message: "Choose a team or an agent to transfer to" });

export const verifyChatBodySchema = z.strictObject({
  bigcommerceOrderId: z.number({ error: "Give the order number the customer proved is theirs" }).int().positive().max(2_147_483_647),
});
