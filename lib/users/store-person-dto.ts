import type { Availability, Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

/** A person of the store as the admin's agents page shows them, disabled ones included. */
export type StorePersonDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  team: { id: string; name: string } | null;
  capacity: number;
  availability: Availability;
  disabled: boolean;
  /** Signs in from the BigCommerce control panel. */
  bigcommerceLinked: boolean;
  lastSeenAt: string | null;
};

export const storePersonSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  team: { select: { id: true, name: true } },
  capacity: true,
  availability: true,
  disabledAt: true,
  bigcommerceUserId: true,
  lastSeenAt: true,
} satisfies Prisma.UserSelect;

export function toStorePersonDto(row: Prisma.UserGetPayload<{ select: typeof storePersonSelect }>): StorePersonDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    team: row.team,
    capacity: row.capacity,
    availability: row.availability,
    disabled: row.disabledAt !== null,
    bigcommerceLinked: row.bigcommerceUserId !== null,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  };
}
