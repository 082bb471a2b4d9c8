import { z } from "zod";
import { CustomerTier } from "@/lib/generated/prisma/enums.ts";
import { searchText } from "./query-text.ts";

export const listCustomersQuerySchema = z.strictObject({
  q: searchText(),
  tier: z.enum(CustomerTier).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const listCustomerImportSkipsQuerySchema = z.strictObject({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
