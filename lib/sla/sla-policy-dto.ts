import type { CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { parseBusinessHours, type BusinessHours } from "@/lib/ticket-lifecycle/business-hours.ts";

export type SlaPolicyDto = {
  id: string;
  name: string;
  priority: TicketPriority | null;
  tier: CustomerTier | null;
  firstResponseSeconds: number;
  nextResponseSeconds: number | null;
  resolutionSeconds: number;
  warnAtShare: number;
  businessHours: BusinessHours | null;
  createdAt: string;
  updatedAt: string;
};

export const slaPolicySelect = {
  id: true,
  name: true,
  priority: true,
  tier: true,
  firstResponseSeconds: true,
  nextResponseSeconds: true,
  resolutionSeconds: true,
  warnAtShare: true,
  businessHours: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SlaPolicySelect;

export function toSlaPolicyDto(row: Prisma.SlaPolicyGetPayload<{ select: typeof slaPolicySelect }>): SlaPolicyDto {
  return { ...row, businessHours: parseBusinessHours(row.businessHours), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
