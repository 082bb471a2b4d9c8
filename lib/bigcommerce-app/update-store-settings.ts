import type { Db } from "@/lib/db/client.ts";
import type { StoreSettingsPatch } from "@/lib/validations/bigcommerce-app.ts";
import { getStoreConnection, type StoreConnectionDto } from "./store-connection.ts";

/** An admin changes the store's app settings (uninstall behaviour, refund approval threshold, name); audited. */
export async function updateStoreSettings(db: Db, input: { storeId: string; actorId: string; patch: StoreSettingsPatch }): Promise<StoreConnectionDto> {
  const { storeId, patch } = input;
  await db.$transaction(async (tx) => {
    await tx.store.update({
      where: { id: storeId },
      data: { name: patch.name, purgeOnUninstall: patch.purgeOnUninstall, refundApprovalThreshold: patch.refundApprovalThreshold },
      select: { id: true },
    });
    await tx.auditLog.create({ data: { storeId, actorId: input.actorId, action: "store.settings_updated", targetType: "Store", targetId: storeId, detail: { ...patch } } });
  });
  return getStoreConnection(db, storeId);
}
