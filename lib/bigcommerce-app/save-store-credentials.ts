import { randomBytes } from "node:crypto";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { bigcommerceSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import type { Tx } from "@/lib/db/client.ts";
import type { StoreConnectionKind, StoreStatus } from "@/lib/generated/prisma/enums.ts";

export type StoreCredentials = {
  storeHash: string;
  accessToken: string;
  scope: string;
  kind: StoreConnectionKind;
  /** The app install's BigCommerce account; an API account has none (an earlier one is kept). */
  accountUuid?: string | null;
  /** BigCommerce's name for the store, when known; else a placeholder until refreshStoreName. */
  storeName?: string | null;
};

export type SavedStore = { store: { id: string; bigcommerceHash: string }; previousStatus: StoreStatus | null };

export const PLACEHOLDER_NAME_PREFIX = "BigCommerce store ";

/**
 * The one place both kinds of connection meet: the store, keyed by its hash, is created or brought
 * back (uninstalled, disconnected, needing re-auth, switched from the other kind) with all its
 * tickets, and the access token is stored sealed. The webhook secret is kept across reconnects so
 * hooks registered earlier stay valid. Everything after this (webhook registration, health, the
 * API client) is the same code for both kinds.
 */
export async function saveStoreCredentialsInTx(tx: Tx, credentials: StoreCredentials, now: Date = new Date()): Promise<SavedStore> {
  const accessTokenEncrypted = sealSecret(credentials.accessToken);
  const existing = await tx.store.findUnique({ where: { bigcommerceHash: credentials.storeHash }, select: { id: true, status: true, name: true } });
  const fields = {
    accessTokenEncrypted,
    scope: credentials.scope,
    status: "ACTIVE" as const,
    connectionKind: credentials.kind,
    ...(credentials.accountUuid !== undefined && credentials.accountUuid !== null ? { bigcommerceAccountUuid: credentials.accountUuid } : {}),
    uninstalledAt: null,
  };
  if (existing) {
    const rename = credentials.storeName && existing.name.startsWith(PLACEHOLDER_NAME_PREFIX) ? { name: credentials.storeName } : {};
    const store = await tx.store.update({
      where: { id: existing.id },
      data: { ...fields, ...rename, ...(existing.status === "UNINSTALLED" ? { installedAt: now } : {}) },
      select: { id: true, bigcommerceHash: true },
    });
    return { store, previousStatus: existing.status };
  }
  const store = await tx.store.create({
    data: {
      ...fields,
      bigcommerceHash: credentials.storeHash,
      name: credentials.storeName || `${PLACEHOLDER_NAME_PREFIX}${credentials.storeHash}`,
      ...bigcommerceSecretColumns(randomBytes(32).toString("base64url")),
      installedAt: now,
    },
    select: { id: true, bigcommerceHash: true },
  });
  return { store, previousStatus: null };
}
