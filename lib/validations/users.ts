import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums.ts";

/** PATCH /api/v1/users/:id (admins). */
export const storePersonBodySchema = z
  .strictObject({
    role: z.enum(Role).optional(),
    disabled: z.boolean().optional(),
    capacity: z.number().int().min(0).max(1000).optional(),
    teamId: z.uuid().nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export type StorePersonPatch = z.infer<typeof storePersonBodySchema>;
