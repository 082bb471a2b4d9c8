import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { bigcommerceApiUrl } from "./bigcommerce-api-url.ts";
import { createBigcommerceClient, type BigcommerceClient } from "./bigcommerce-client.ts";
import { processShared } from "@/lib/config/process-registry.ts";

type Cached = { client: BigcommerceClient; until: number };

const MAX_ENTRIES = 10_000;
const holder = processShared<{ ternStoreClients?: Map<string, Cached> }>("bigcommerce/store-clients", () => ({}));

function cache(): Map<string, Cached> {
  holder.ternStoreClients ??= new Map();
  return holder.ternStoreClients;
}

/**
 * The API client for one store, or null when Tern holds no access token for it (not installed
 * through OAuth, or uninstalled). A 401 marks the store NEEDS_REAUTH: the admin pages show it and
 * the next install (/auth) clears it. Only the token that got the 401 is blamed: a client made
 * before a re-install stored a new token leaves the store as it is.
 *
 * `maxAgeMs` lets a caller that makes many calls for one store (the inbound worker on a sale day)
 * reuse a client made at most that long ago instead of reading and decrypting the token each
 * time. A client that got a 401 is not reused.
 */
export async function bigcommerceClientForStore(
  db: Db,
  storeId: string,
  options: { maxAgeMs?: number; onResponse?: (status: number) => void; maxRateLimitRetries?: number } = {},
): Promise<BigcommerceClient | null> {
  // A client with its own observer is the caller's alone: never cached.
  const hit = options.maxAgeMs && !options.onResponse ? cache().get(storeId) : undefined;
  if (hit && hit.until > Date.now()) return hit.client;
  // The one place the token column is read.
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: { bigcommerceHash: true, accessTokenEncrypted: true, status: true },
  });
  const sealedToken = store?.accessTokenEncrypted;
  if (!store || !sealedToken || store.status === "UNINSTALLED") return null;
  const client = createBigcommerceClient({
    apiUrl: bigcommerceApiUrl(),
    storeHash: store.bigcommerceHash,
    accessToken: openSecret(sealedToken),
    onResponse: options.onResponse,
    maxRateLimitRetries: options.maxRateLimitRetries,
    onUnauthorized: async () => {
      if (cache().get(storeId)?.client === client) cache().delete(storeId);
      await db.store.updateMany({ where: { id: storeId, status: "ACTIVE", accessTokenEncrypted: sealedToken }, data: { status: "NEEDS_REAUTH" } });
    },
  });
  if (options.maxAgeMs && !options.onResponse) {
    if (cache().size >= MAX_ENTRIES) cache().clear();
    cache().set(storeId, { client, until: Date.now() + options.maxAgeMs });
  }
  return client;
}
