import { z } from "zod";
import { CustomerTier } from "@/lib/generated/prisma/enums.ts";

export const listCustomersQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
  tier: z.enum(CustomerTier).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
