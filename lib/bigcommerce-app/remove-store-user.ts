import type { Db } from "@/lib/db/client.ts";
import { disconnectSockets } from "@/lib/realtime/publish.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { deactivateUserInTx } from "@/lib/users/deactivate-user.ts";

export type RemoveUserResult = { userId: string; unassignedTickets: number } | null;

/**
 * /remove_user: a staff member lost access to the store in BigCommerce. Their Tern user is
 * deactivated (history keeps their name; see deactivateUserInTx) and their live connections closed.
 * An unknown store or user is not an error: there is nothing to remove.
 */
export async function removeStoreUser(db: Db, input: { storeHash: string; bigcommerceUserId: number }, now: Date = new Date()): Promise<RemoveUserResult> {
  const store = await db.store.findUnique({ where: { bigcommerceHash: input.storeHash }, select: { id: true } });
  if (!store) return null;
  const user = await db.user.findUnique({ where: { storeId_bigcommerceUserId: { storeId: store.id, bigcommerceUserId: input.bigcommerceUserId } }, select: { id: true } });
  if (!user) return null;

  const changes = await db.$transaction(async (tx) => {
    const unassigned = await deactivateUserInTx(tx, { storeId: store.id, userId: user.id, now });
    await tx.auditLog.create({
      data: { storeId: store.id, actorId: null, action: "user.removed_from_bigcommerce", targetType: "User", targetId: user.id, detail: { bigcommerceUserId: input.bigcommerceUserId, unassignedTickets: unassigned.length } },
    });
    return unassigned;
  }, TICKET_TX_OPTIONS);

  await disconnectSockets(store.id, user.id);
  return { userId: user.id, unassignedTickets: changes.length };
}
