import { z } from "zod";

export const createApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The user the token acts as; the admin creating it when absent. */
  userId: z.uuid().optional(),
});
