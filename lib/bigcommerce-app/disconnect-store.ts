import { isBigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { removeTernHooks } from "./remove-tern-hooks.ts";
import { getStoreConnection, type StoreConnectionDto } from "./store-connection.ts";

export type DisconnectedStore = { connection: StoreConnectionDto; removedHooks: number };

/**
 * An admin disconnects the store from BigCommerce (either kind of connection): Tern's hooks are
 * deleted at BigCommerce through the store's own client first, then the token is dropped and the
 * store marked DISCONNECTED. The store's people still sign in and work its tickets; connecting
 * again (API account or app) brings the same store back. When BigCommerce cannot delete the
 * hooks now (429, 5xx), nothing changes and the admin is told to retry: a store that looks
 * disconnected while its hooks still deliver would be worse. A revoked token (401) has no hooks
 * left to delete, so the disconnect goes on.
 */
export async function disconnectStore(db: Db, actor: { userId: string; storeId: string }): Promise<DisconnectedStore> {
  const store = await db.store.findUnique({ where: { id: actor.storeId }, select: { status: true } });
  if (!store) throw new AppError("NOT_FOUND", "Store not found");
  if (store.status === "DISCONNECTED") throw new AppError("CONFLICT", "The store is already disconnected");
  const client = await bigcommerceClientForStore(db, actor.storeId);
  let removedHooks = 0;
  if (client) {
    try {
      removedHooks = await removeTernHooks(client);
    } catch (error) {
      if (isBigcommerceApiError(error, 429)) throw new AppError("RATE_LIMITED", "BigCommerce is limiting this store's API calls right now: try disconnecting again in a minute");
      if (!isBigcommerceApiError(error, 401)) {
        throw new AppError("UPSTREAM_FAILED", "BigCommerce could not delete Tern's webhooks just now, so the store stays connected: try again in a few minutes");
      }
    }
  }
  await db.$transaction(async (tx) => {
    await tx.store.update({
      where: { id: actor.storeId },
      data: { status: "DISCONNECTED", accessTokenEncrypted: null, webhooksRegisteredAt: null, webhookRegistrationError: null },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { storeId: actor.storeId, actorId: actor.userId, action: "store.disconnected", targetType: "Store", targetId: actor.storeId, detail: { removedHooks, previousStatus: store.status } },
    });
  });
  return { connection: await getStoreConnection(db, actor.storeId), removedHooks };
}
