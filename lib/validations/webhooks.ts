import { z } from "zod";
import { InboundSource } from "@/lib/generated/prisma/enums.ts";

/** Shapes of the /api/v1/webhooks admin requests. */

export const listDeadLettersQuerySchema = z.strictObject({
  source: z.enum(InboundSource).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  includeHandled: z.stringbool().optional(),
});

export const deadLetterTicketBodySchema = z.strictObject({
  subject: z.string().trim().min(1).max(200).optional(),
});
