import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type CustomerDto = {
  id: string;
  name: string | null;
  email: string | null;
  tier: CustomerTier;
  region: string | null;
  bigcommerceCustomerId: number | null;
  telegram: { username: string | null; displayName: string | null; blocked: boolean } | null;
  createdAt: string;
};

export const customerDtoSelect = {
  id: true,
  name: true,
  email: true,
  tier: true,
  region: true,
  bigcommerceCustomerId: true,
  createdAt: true,
  identities: { where: { channel: "TELEGRAM" }, take: 1, select: { username: true, displayName: true, blockedAt: true } },
} satisfies Prisma.CustomerSelect;

type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerDtoSelect }>;

export function toCustomerDto(row: CustomerRow): CustomerDto {
  const telegram = row.identities[0];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    tier: row.tier,
    region: row.region,
    bigcommerceCustomerId: row.bigcommerceCustomerId,
    telegram: telegram ? { username: telegram.username, displayName: telegram.displayName, blocked: telegram.blockedAt !== null } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
