import type { Db } from "@/lib/db/client.ts";
import { disconnectSockets } from "@/lib/realtime/publish.ts";

export type UninstallResult = { storeId: string; purged: boolean } | null;

/**
 * /uninstall: BigCommerce has already deleted the app's hooks and revoked its token. Tern drops
 * the token, revokes the store's API tokens and stops: nobody signs in, no webhook is accepted,
 * the BigCommerce client and the Telegram bot see the store as gone. The data stays for a
 * re-install unless the store chose purgeOnUninstall, which deletes the store and everything
 * under it. An unknown or already uninstalled store is not an error: BigCommerce may call twice.
 */
export async function uninstallStore(db: Db, storeHash: string, now: Date = new Date()): Promise<UninstallResult> {
  const store = await db.store.findUnique({ where: { bigcommerceHash: storeHash }, select: { id: true, status: true, purgeOnUninstall: true } });
  if (!store) return null;
  if (store.purgeOnUninstall) {
    await db.store.delete({ where: { id: store.id } });
  } else if (store.status !== "UNINSTALLED") {
    await db.$transaction(async (tx) => {
      await tx.store.update({ where: { id: store.id }, data: { status: "UNINSTALLED", uninstalledAt: now, accessTokenEncrypted: null, webhooksRegisteredAt: null } });
      await tx.apiToken.updateMany({ where: { storeId: store.id, revokedAt: null }, data: { revokedAt: now } });
      await tx.auditLog.create({ data: { storeId: store.id, actorId: null, action: "store.uninstalled", targetType: "Store", targetId: store.id, detail: { purged: false } } });
    });
  }
  await disconnectSockets(store.id);
  return { storeId: store.id, purged: store.purgeOnUninstall };
}
