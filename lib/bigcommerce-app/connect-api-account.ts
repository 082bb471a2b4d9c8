import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { checkApiAccount } from "./check-api-account.ts";
import { parseApiPath } from "./parse-api-path.ts";
import { retirePreviousConnection } from "./retire-previous-connection.ts";
import { saveStoreCredentialsInTx } from "./save-store-credentials.ts";
import { getStoreConnection, type StoreConnectionDto } from "./store-connection.ts";
import { syncStoreWebhooks, type WebhookSync } from "./sync-store-webhooks.ts";

export type ApiAccountInput = { apiPath: string; accessToken: string };

export type ConnectedApiAccount = { connection: StoreConnectionDto; webhooks: WebhookSync; missingOptional: string[] };

export type ConnectContext = { apiUrl: string; publicUrl: string };

/** The store hash an admin's API path names, or a 422 saying what is wrong with it. */
export function storeHashOf(apiPath: string, apiUrl: string): string {
  const reading = parseApiPath(apiPath, apiUrl);
  if (!reading.ok) throw new AppError("UNPROCESSABLE", reading.problem);
  return reading.storeHash;
}

/**
 * An admin (re)connects their own store with a store API account: first connection after a
 * disconnect, a new token, or a switch from the app install. The API path must name the admin's
 * own store (a Tern admin never attaches another store's token to theirs). The account is checked
 * live before anything is kept; then the same code as an app install stores the token sealed and
 * registers the hooks with the store's secret. Tickets, people and settings stay: the Store row
 * is the same one, keyed by its hash.
 */
export async function connectApiAccount(db: Db, actor: { userId: string; storeId: string }, input: ApiAccountInput, context: ConnectContext): Promise<ConnectedApiAccount> {
  const storeHash = storeHashOf(input.apiPath, context.apiUrl);
  const current = await db.store.findUnique({ where: { id: actor.storeId }, select: { bigcommerceHash: true, status: true } });
  if (!current) throw new AppError("NOT_FOUND", "Store not found");
  if (current.bigcommerceHash !== storeHash) {
    throw new AppError("UNPROCESSABLE", `This Tern account administers store ${current.bigcommerceHash}, and the API path is for store ${storeHash}: create the API account in this store's control panel`);
  }
  const checked = await checkApiAccount({ apiUrl: context.apiUrl, storeHash, accessToken: input.accessToken });
  await retirePreviousConnection(db, { storeHash, kind: "API_ACCOUNT", accessToken: input.accessToken });
  await db.$transaction(async (tx) => {
    await saveStoreCredentialsInTx(tx, { storeHash, accessToken: input.accessToken, scope: checked.scope, kind: "API_ACCOUNT", storeName: checked.storeName });
    await tx.auditLog.create({
      data: {
        storeId: actor.storeId,
        actorId: actor.userId,
        action: "store.connected_api_account",
        targetType: "Store",
        targetId: actor.storeId,
        detail: { scope: checked.scope, previousStatus: current.status },
      },
    });
  });
  const webhooks = await syncStoreWebhooks(db, { storeId: actor.storeId, publicUrl: context.publicUrl });
  return { connection: await getStoreConnection(db, actor.storeId), webhooks, missingOptional: checked.missingOptional };
}
