import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { readCustomFields, type CustomFieldValue } from "./read-custom-fields.ts";

export type CustomerDto = {
  id: string;
  name: string | null;
  email: string | null;
  tier: CustomerTier;
  region: string | null;
  phone: string | null;
  /** The store's mapped BigCommerce fields (lib/customers/sync/customer-mapping.ts). */
  customFields: CustomFieldValue[];
  bigcommerceCustomerId: number | null;
  /** BigCommerce deleted the account; the customer and their tickets stay. */
  bigcommerceDeleted: boolean;
  telegram: { username: string | null; displayName: string | null; blocked: boolean } | null;
  createdAt: string;
};

export const customerDtoSelect = {
  id: true,
  name: true,
  email: true,
  tier: true,
  region: true,
  phone: true,
  customFields: true,
  bigcommerceCustomerId: true,
  bigcommerceDeletedAt: true,
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
    phone: row.phone,
    customFields: readCustomFields(row.customFields),
    bigcommerceCustomerId: row.bigcommerceCustomerId,
    bigcommerceDeleted: row.bigcommerceDeletedAt !== null,
    telegram: telegram ? { username: telegram.username, displayName: telegram.displayName, blocked: telegram.blockedAt !== null } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
