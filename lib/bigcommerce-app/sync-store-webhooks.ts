import { openBigcommerceSecret } from "@/lib/crypto/webhook-secrets.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import { registerStoreWebhooks } from "@/lib/bigcommerce/webhooks/register-store-webhooks.ts";
import type { Db } from "@/lib/db/client.ts";

export type WebhookSync = { ok: true; hooks: number; removed: number } | { ok: false; error: string };

export const WEBHOOK_PATH = "/api/webhooks/bigcommerce";

export function webhookDestination(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${WEBHOOK_PATH}`;
}

export function pathOf(destination: string): string | null {
  try {
    return new URL(destination).pathname;
  } catch {
    return null;
  }
}

/**
 * Brings a store's hooks in line with this Tern, on install and from the admin page: every scope
 * registered (idempotently, by lib/bigcommerce's registerStoreWebhooks) to this Tern's receiver
 * with the store's secret, and hooks left pointing at an earlier Tern URL removed (BigCommerce
 * lists only this app's hooks, so those are Tern's own). The outcome is kept on the store for the
 * health page; a failure is returned, not thrown, so an install still completes.
 */
export async function syncStoreWebhooks(db: Db, input: { storeId: string; publicUrl: string }): Promise<WebhookSync> {
  const store = await db.store.findUnique({ where: { id: input.storeId }, select: { webhookSecretSealed: true } });
  const client = store ? await bigcommerceClientForStore(db, input.storeId) : null;
  if (!store || !client) return { ok: false, error: "The store is not installed: Tern holds no BigCommerce access token for it" };
  const webhookSecret = openBigcommerceSecret(store.webhookSecretSealed);
  if (!webhookSecret) return { ok: false, error: "The store has no webhook secret yet: install the app again" };
  const destination = webhookDestination(input.publicUrl);
  try {
    const stale = (await client.listHooks()).filter((hook) => hook.destination !== destination && pathOf(hook.destination) === WEBHOOK_PATH);
    for (const hook of stale) await client.deleteHook(hook.id);
    const hooks = await registerStoreWebhooks(client, { destination, webhookSecret });
    await db.store.update({ where: { id: input.storeId }, data: { webhooksRegisteredAt: new Date(), webhookRegistrationError: null }, select: { id: true } });
    return { ok: true, hooks: hooks.length, removed: stale.length };
  } catch (error) {
    // BigcommerceApiError messages carry the status and BigCommerce's words, never the token or the secret.
    const message = (error instanceof Error ? error.message : "BigCommerce could not be reached").slice(0, 500);
    await db.store.update({ where: { id: input.storeId }, data: { webhookRegistrationError: message }, select: { id: true } });
    return { ok: false, error: message };
  }
}
