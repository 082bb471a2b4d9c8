import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export type Assignee = { id: string; name: string };

/** Tickets go only to enabled users of the ticket's own store. */
export async function requireAssignableUser(tx: Tx, storeId: string, userId: string): Promise<Assignee> {
  const user = isUuid(userId)
    ? await tx.user.findFirst({ where: { id: userId, storeId, disabledAt: null }, select: { id: true, name: true } })
    : null;
  if (!user) throw new AppError("UNPROCESSABLE", "The assignee must be an active user of this store", { assigneeId: userId });
  return user;
}
