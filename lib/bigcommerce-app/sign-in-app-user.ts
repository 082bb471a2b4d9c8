import type { SessionSubject } from "@/lib/auth/mint-session-cookie.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { findOrCreateAppUserInTx } from "./find-or-create-app-user.ts";
import type { SignedPayload } from "./verify-signed-payload.ts";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "P2002";
}

/**
 * /load: the BigCommerce staff member of a verified payload, as a Tern user of that store (created
 * on first open). Only installed stores sign anyone in; a user an admin disabled in Tern stays out,
 * except the store owner.
 */
export async function signInAppUser(db: Db, payload: SignedPayload): Promise<SessionSubject> {
  const store = await db.store.findUnique({ where: { bigcommerceHash: payload.storeHash }, select: { id: true, status: true } });
  if (!store || store.status === "UNINSTALLED") throw new AppError("UNAUTHORIZED", "Tern is not installed on this store: install the app first");
  const attempt = () =>
    db.$transaction(async (tx) => {
      const result = await findOrCreateAppUserInTx(tx, store.id, payload.user, { admin: payload.user.id === payload.owner.id });
      if ("disabled" in result) throw new AppError("FORBIDDEN", "Your Tern access for this store is disabled: ask a Tern admin of the store");
      if (result.created) {
        await tx.auditLog.create({
          data: { storeId: store.id, actorId: result.user.id, action: "user.created_from_bigcommerce", targetType: "User", targetId: result.user.id, detail: { bigcommerceUserId: payload.user.id, role: result.user.role } },
        });
      }
      return result.user;
    });
  try {
    return await attempt();
  } catch (error) {
    // Two first opens at once (two tabs) both try to create the user: the second finds it.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}
