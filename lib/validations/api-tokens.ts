import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums.ts";

export const createApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The user the token acts as; the admin creating it when absent. */
  userId: z.uuid().optional(),
  /** The most the token may do; its user's role when absent, and never above it. */
  role: z.enum(Role).optional(),
});
