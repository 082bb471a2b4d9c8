import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";

const PLACEHOLDER_PREFIX = "BigCommerce store ";

/**
 * After an install, names the store as BigCommerce does (GET /v2/store) instead of by its hash.
 * Best effort: a name an admin already chose is kept, and a failure only leaves the placeholder.
 */
export async function refreshStoreName(db: Db, storeId: string): Promise<void> {
  const store = await db.store.findUnique({ where: { id: storeId }, select: { name: true } });
  if (!store?.name.startsWith(PLACEHOLDER_PREFIX)) return;
  const client = await bigcommerceClientForStore(db, storeId);
  const info = await client?.getStoreInfo().catch(() => null);
  const name = info?.name?.trim().slice(0, 200);
  if (name) await db.store.updateMany({ where: { id: storeId, name: store.name }, data: { name } });
}
