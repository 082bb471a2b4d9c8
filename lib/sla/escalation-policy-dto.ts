import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type EscalationPolicyDto = {
  id: string;
  name: string;
  category: string | null;
  thresholdShare: number;
  targetTeamId: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
};

export const escalationPolicySelect = {
  id: true,
  name: true,
  category: true,
  thresholdShare: true,
  targetTeamId: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.EscalationPolicySelect;

export function toEscalationPolicyDto(row: Prisma.EscalationPolicyGetPayload<{ select: typeof escalationPolicySelect }>): EscalationPolicyDto {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
