import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Availability, Role } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { UNLOADED_STATUSES } from "./routing-statuses.ts";

export type UserAvailability = { id: string; name: string; availability: Availability; capacity: number; load: number };

/** An agent reads their own availability and load; supervisors and admins anyone's in their store. */
export async function getUserAvailability(db: Db, input: { storeId: string; actor: { userId: string; role: Role }; userId: string }): Promise<UserAvailability> {
  const { storeId, userId } = input;
  if (input.actor.userId !== userId && input.actor.role === "AGENT") throw new AppError("FORBIDDEN", "Agents can see only their own availability");
  const user = isUuid(userId) ? await db.user.findFirst({ where: { id: userId, storeId, disabledAt: null }, select: { id: true, name: true, availability: true, capacity: true } }) : null;
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const load = await db.ticket.count({ where: { storeId, assigneeId: userId, status: { notIn: [...UNLOADED_STATUSES] } } });
  return { ...user, load };
}
