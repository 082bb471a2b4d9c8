import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { StoreConnectionKind, StoreStatus } from "@/lib/generated/prisma/enums.ts";

export type StoreConnectionDto = {
  id: string;
  name: string;
  bigcommerceHash: string;
  status: StoreStatus;
  /** How Tern holds the token: the single-click app, or a store API account. */
  connectionKind: StoreConnectionKind;
  scope: string | null;
  connected: boolean;
  installedAt: string;
  uninstalledAt: string | null;
  webhooksRegisteredAt: string | null;
  webhookRegistrationError: string | null;
  purgeOnUninstall: boolean;
  refundApprovalThreshold: string | null;
  telegramConnected: boolean;
  timeZone: string;
};

/** What the admin pages show about the store's BigCommerce connection and its settings. Never the tokens. */
export async function getStoreConnection(db: Db, storeId: string): Promise<StoreConnectionDto> {
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: {
      id: true,
      name: true,
      bigcommerceHash: true,
      status: true,
      connectionKind: true,
      scope: true,
      installedAt: true,
      uninstalledAt: true,
      webhooksRegisteredAt: true,
      webhookRegistrationError: true,
      purgeOnUninstall: true,
      refundApprovalThreshold: true,
      timeZone: true,
      // Only whether they are set: the sealed values never leave the database layer here.
      accessTokenEncrypted: true,
      telegramBotTokenEncrypted: true,
    },
  });
  if (!store) throw new AppError("NOT_FOUND", "Store not found");
  return {
    id: store.id,
    name: store.name,
    bigcommerceHash: store.bigcommerceHash,
    status: store.status,
    connectionKind: store.connectionKind,
    scope: store.scope,
    connected: store.accessTokenEncrypted !== null && store.status === "ACTIVE",
    installedAt: store.installedAt.toISOString(),
    uninstalledAt: store.uninstalledAt?.toISOString() ?? null,
    webhooksRegisteredAt: store.webhooksRegisteredAt?.toISOString() ?? null,
    webhookRegistrationError: store.webhookRegistrationError,
    purgeOnUninstall: store.purgeOnUninstall,
    refundApprovalThreshold: store.refundApprovalThreshold === null ? null : store.refundApprovalThreshold.toFixed(2),
    telegramConnected: store.telegramBotTokenEncrypted !== null,
    timeZone: store.timeZone,
  };
}
