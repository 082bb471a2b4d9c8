import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import type { StoreStatus } from "@/lib/generated/prisma/enums.ts";
import { bigcommerceApiUrl } from "./bigcommerce-api-url.ts";
import { createBigcommerceClient, type BigcommerceClient } from "./bigcommerce-client.ts";

type StoreCredentials = { bigcommerceHash: string; accessTokenEncrypted: string | null; status: StoreStatus };

/** Tern's stored copy of one order, as an order event needs it. */
export type StoredOrderRow = { order: unknown; products: unknown; shipments: unknown; dateModified: Date | null };

function clientFor(db: Db, storeId: string, store: StoreCredentials | null): BigcommerceClient | null {
  if (!store?.accessTokenEncrypted || store.status === "UNINSTALLED") return null;
  return createBigcommerceClient({
    apiUrl: bigcommerceApiUrl(),
    storeHash: store.bigcommerceHash,
    accessToken: openSecret(store.accessTokenEncrypted),
    onUnauthorized: async () => {
      await db.store.updateMany({ where: { id: storeId, status: "ACTIVE" }, data: { status: "NEEDS_REAUTH" } });
    },
  });
}

// This module is the one place the token column is read.

/**
 * The API client for one store, or null when Tern holds no access token for it (not installed
 * through OAuth, or uninstalled). A 401 marks the store NEEDS_REAUTH: the admin pages show it and
 * the next install (/auth) clears it.
 */
export async function bigcommerceClientForStore(db: Db, storeId: string): Promise<BigcommerceClient | null> {
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: { bigcommerceHash: true, accessTokenEncrypted: true, status: true },
  });
  return clientFor(db, storeId, store);
}

/**
 * The store's client (as bigcommerceClientForStore) and Tern's copy of one of its orders, in one
 * round trip: every order event needs both before it calls BigCommerce.
 */
export async function bigcommerceClientWithOrder(db: Db, storeId: string, orderId: number): Promise<{ client: BigcommerceClient | null; stored: StoredOrderRow | null }> {
  const rows = await db.$queryRaw<Array<StoreCredentials & { snapshotId: string | null } & StoredOrderRow>>`
    SELECT store."bigcommerceHash", store."accessTokenEncrypted", store.status::text AS status,
           snapshot.id AS "snapshotId", snapshot."order", snapshot.products, snapshot.shipments, snapshot."dateModified"
    FROM "Store" AS store
    LEFT JOIN "OrderSnapshot" AS snapshot ON snapshot."storeId" = store.id AND snapshot."bigcommerceOrderId" = ${orderId}
    WHERE store.id = ${storeId}::uuid`;
  const row = rows[0];
  if (!row) return { client: null, stored: null };
  const stored = row.snapshotId ? { order: row.order, products: row.products, shipments: row.shipments, dateModified: row.dateModified } : null;
  return { client: clientFor(db, storeId, row), stored };
}
