import { bigcommerceApiUrl } from "@/lib/bigcommerce/bigcommerce-api-url.ts";
import { createBigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import type { StoreConnectionKind } from "@/lib/generated/prisma/enums.ts";
import { removeTernHooks } from "./remove-tern-hooks.ts";

export type RetiredConnection = { removedHooks: number } | { skipped: true } | { error: string };

/**
 * Before a store's credentials are replaced by another client's (app ↔ API account, or one API
 * account by another), removes the hooks Tern registered with the old ones: BigCommerce keeps
 * hooks per client, and the new credentials can neither see nor remove them, so every event would
 * arrive twice. Best effort: the old token may already be revoked (BigCommerce then dropped its
 * hooks itself), and a failure must not block connecting the store.
 */
export async function retirePreviousConnection(db: Db, next: { storeHash: string; kind: StoreConnectionKind; accessToken: string }): Promise<RetiredConnection> {
  const store = await db.store.findUnique({ where: { bigcommerceHash: next.storeHash }, select: { accessTokenEncrypted: true, connectionKind: true } });
  if (!store?.accessTokenEncrypted) return { skipped: true };
  // An app re-install keeps its hooks (they belong to the app, whatever its token).
  if (store.connectionKind === "APP" && next.kind === "APP") return { skipped: true };
  let oldToken: string;
  try {
    oldToken = openSecret(store.accessTokenEncrypted);
  } catch {
    return { error: "the previous access token could not be read" };
  }
  if (oldToken === next.accessToken) return { skipped: true };
  const client = createBigcommerceClient({ apiUrl: bigcommerceApiUrl(), storeHash: next.storeHash, accessToken: oldToken, maxRateLimitRetries: 1, timeoutMs: 10_000 });
  try {
    return { removedHooks: await removeTernHooks(client) };
  } catch (error) {
    return { error: error instanceof Error ? error.message.slice(0, 300) : "BigCommerce could not be reached" };
  }
}
