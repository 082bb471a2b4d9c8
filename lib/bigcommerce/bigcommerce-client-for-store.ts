import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { bigcommerceApiUrl } from "./bigcommerce-api-url.ts";
import { createBigcommerceClient, type BigcommerceClient } from "./bigcommerce-client.ts";

/**
 * The API client for one store, or null when Tern holds no access token for it (not installed
 * through OAuth, or uninstalled). A 401 marks the store NEEDS_REAUTH: the admin pages show it and
 * the next install (/auth) clears it.
 */
export async function bigcommerceClientForStore(db: Db, storeId: string): Promise<BigcommerceClient | null> {
  // The one place the token column is read.
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: { bigcommerceHash: true, accessTokenEncrypted: true, status: true },
  });
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
