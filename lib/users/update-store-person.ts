import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { disconnectSockets } from "@/lib/realtime/publish.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import type { StorePersonPatch } from "@/lib/validations/users.ts";
import { deactivateUserInTx } from "./deactivate-user.ts";
import { storePersonSelect, toStorePersonDto, type StorePersonDto } from "./store-person-dto.ts";

/**
 * An admin changes someone's role, team, capacity, or disables/enables them. Admins cannot
 * demote or disable themselves, and the store always keeps one active admin. Disabling
 * deactivates the user at once (sessions, tokens, open tickets).
 */
export async function updateStorePerson(db: Db, input: { storeId: string; actorId: string; userId: string; patch: StorePersonPatch }): Promise<StorePersonDto> {
  const { storeId, userId, patch } = input;
  if (!isUuid(userId)) throw new AppError("NOT_FOUND", "User not found");
  const now = new Date();
  const person = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, storeId }, select: { id: true, role: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    const demotes = patch.role !== undefined && patch.role !== "ADMIN";
    if (userId === input.actorId && (demotes || patch.disabled === true)) throw new AppError("CONFLICT", "You cannot demote or disable yourself: ask another admin");
    if (user.role === "ADMIN" && !user.disabledAt && (demotes || patch.disabled === true)) {
      const otherAdmins = await tx.user.count({ where: { storeId, role: "ADMIN", disabledAt: null, id: { not: userId } } });
      if (otherAdmins === 0) throw new AppError("CONFLICT", "The store must keep at least one active admin");
    }
    if (patch.teamId) {
      const team = await tx.team.findFirst({ where: { id: patch.teamId, storeId }, select: { id: true } });
      if (!team) throw new AppError("UNPROCESSABLE", "No such team in this store");
    }
    await tx.user.update({
      where: { id: userId, storeId },
      data: {
        role: patch.role,
        capacity: patch.capacity,
        teamId: patch.teamId,
        ...(patch.disabled === false ? { disabledAt: null } : {}),
        // Sessions signed in with the old role end: the next request signs in again with the new one.
        ...(patch.role !== undefined && patch.role !== user.role ? { sessionsValidFrom: now } : {}),
      },
      select: { id: true },
    });
    if (patch.disabled === true && !user.disabledAt) await deactivateUserInTx(tx, { storeId, userId, now });
    await tx.auditLog.create({ data: { storeId, actorId: input.actorId, action: "user.updated", targetType: "User", targetId: userId, detail: { ...patch } } });
    const row = await tx.user.findFirstOrThrow({ where: { id: userId, storeId }, select: storePersonSelect });
    return toStorePersonDto(row);
  }, TICKET_TX_OPTIONS);
  // A new role or a disabled account takes effect on the live connection too.
  if (patch.disabled === true || patch.role !== undefined) await disconnectSockets(storeId, userId);
  return person;
}
