import type { Db } from "@/lib/db/client.ts";
import type { Availability, Role } from "@/lib/generated/prisma/enums.ts";

export type UserSummary = { id: string; name: string; email: string; role: Role; teamId: string | null; availability: Availability; capacity: number };

/** The store's active people, for assignee pickers and filters. */
export async function listUsers(db: Db, storeId: string): Promise<UserSummary[]> {
  return db.user.findMany({
    where: { storeId, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true, teamId: true, availability: true, capacity: true },
  });
}
