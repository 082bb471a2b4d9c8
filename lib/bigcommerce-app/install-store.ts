import { bigcommerceSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { randomBytes } from "node:crypto";
import type { SessionSubject } from "@/lib/auth/mint-session-cookie.ts";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { GrantedToken } from "./exchange-auth-code.ts";
import { findOrCreateAppUserInTx } from "./find-or-create-app-user.ts";

export type InstalledStore = {
  store: { id: string; bigcommerceHash: string };
  /** The installer, signed in as an admin of the store. */
  user: SessionSubject;
  /** false on the first install; true when an uninstalled (kept) store comes back or scopes changed. */
  reinstalled: boolean;
};

/**
 * Records a granted install: the store is created, or brought back (uninstalled, needing re-auth,
 * or scopes changed) with its data, and the access token is stored sealed. The webhook secret is
 * kept across re-installs so hooks registered earlier stay valid. Webhook registration happens
 * after commit (registerStoreWebhooks): it talks to BigCommerce.
 */
export async function installStore(db: Db, grant: GrantedToken, now: Date = new Date()): Promise<InstalledStore> {
  const accessTokenEncrypted = sealSecret(grant.accessToken);
  return db.$transaction(async (tx) => {
    const existing = await tx.store.findUnique({ where: { bigcommerceHash: grant.storeHash }, select: { id: true, status: true } });
    const fields = {
      accessTokenEncrypted,
      scope: grant.scope,
      status: "ACTIVE" as const,
      bigcommerceAccountUuid: grant.accountUuid,
      uninstalledAt: null,
    };
    const store = existing
      ? await tx.store.update({
          where: { id: existing.id },
          data: { ...fields, ...(existing.status === "UNINSTALLED" ? { installedAt: now } : {}) },
          select: { id: true, bigcommerceHash: true },
        })
      : await tx.store.create({
          data: {
            ...fields,
            bigcommerceHash: grant.storeHash,
            // A placeholder until refreshStoreName reads the real name.
            name: `BigCommerce store ${grant.storeHash}`,
            ...bigcommerceSecretColumns(randomBytes(32).toString("base64url")),
            installedAt: now,
          },
          select: { id: true, bigcommerceHash: true },
        });

    // Whoever may install apps administers the store in Tern too.
    const installer = await findOrCreateAppUserInTx(tx, store.id, grant.user, { admin: true });
    if ("disabled" in installer) throw new AppError("FORBIDDEN", "The installing user is disabled in Tern");
    if (grant.owner && grant.owner.id !== grant.user.id) await findOrCreateAppUserInTx(tx, store.id, grant.owner, { admin: true });

    await tx.auditLog.create({
      data: {
        storeId: store.id,
        actorId: installer.user.id,
        action: existing ? "store.reinstalled" : "store.installed",
        targetType: "Store",
        targetId: store.id,
        detail: { scope: grant.scope, previousStatus: existing?.status ?? null },
      },
    });
    return { store, user: installer.user, reinstalled: Boolean(existing) };
  });
}
