import type { Db } from "@/lib/db/client.ts";
import { readStoredMapping, type CustomerMapping } from "./customer-mapping.ts";

/** The store's field mapping (the default until an admin saves one). */
export async function loadCustomerMapping(db: Db, storeId: string): Promise<CustomerMapping> {
  const row = await db.customerSyncSettings.findUnique({ where: { storeId }, select: { mapping: true } });
  return readStoredMapping(row?.mapping);
}

/** Saves an already validated mapping; it applies from the next import, webhook or reconciliation. */
export async function saveCustomerMapping(db: Db, storeId: string, mapping: CustomerMapping): Promise<CustomerMapping> {
  await db.customerSyncSettings.upsert({ where: { storeId }, create: { storeId, mapping }, update: { mapping }, select: { storeId: true } });
  return mapping;
}
