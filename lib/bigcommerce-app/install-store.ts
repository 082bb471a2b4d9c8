import type { SessionSubject } from "@/lib/auth/mint-session-cookie.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { GrantedToken } from "./exchange-auth-code.ts";
import { findOrCreateAppUserInTx } from "./find-or-create-app-user.ts";
import { retirePreviousConnection } from "./retire-previous-connection.ts";
import { saveStoreCredentialsInTx } from "./save-store-credentials.ts";

export type InstalledStore = {
  store: { id: string; bigcommerceHash: string };
  /** The installer, signed in as an admin of the store. */
  user: SessionSubject;
  /** false on the first install; true when an uninstalled (kept) store comes back or scopes changed. */
  reinstalled: boolean;
};

/**
 * Records a granted install: the store is created, or brought back (uninstalled, disconnected,
 * needing re-auth, scopes changed, or connected by API account until now) with its data, through
 * the same saveStoreCredentialsInTx as an API account. Webhook registration happens after commit
 * (syncStoreWebhooks): it talks to BigCommerce.
 */
export async function installStore(db: Db, grant: GrantedToken, now: Date = new Date()): Promise<InstalledStore> {
  // A store connected by API account until now: its hooks (the account's own) would double the app's.
  await retirePreviousConnection(db, { storeHash: grant.storeHash, kind: "APP", accessToken: grant.accessToken });
  return db.$transaction(async (tx) => {
    const { store, previousStatus } = await saveStoreCredentialsInTx(
      tx,
      { storeHash: grant.storeHash, accessToken: grant.accessToken, scope: grant.scope, kind: "APP", accountUuid: grant.accountUuid },
      now,
    );

    // Whoever may install apps administers the store in Tern too.
    const installer = await findOrCreateAppUserInTx(tx, store.id, grant.user, { admin: true });
    if ("disabled" in installer) throw new AppError("FORBIDDEN", "The installing user is disabled in Tern");
    if (grant.owner && grant.owner.id !== grant.user.id) await findOrCreateAppUserInTx(tx, store.id, grant.owner, { admin: true });

    await tx.auditLog.create({
      data: {
        storeId: store.id,
        actorId: installer.user.id,
        action: previousStatus ? "store.reinstalled" : "store.installed",
        targetType: "Store",
        targetId: store.id,
        detail: { scope: grant.scope, previousStatus },
      },
    });
    return { store, user: installer.user, reinstalled: previousStatus !== null };
  });
}
