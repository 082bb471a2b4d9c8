import { openBigcommerceSecret } from "@/lib/crypto/webhook-secrets.ts";
import { EMULATED_APP_SCOPE } from "@/lib/emulators/bigcommerce/emulated-oauth.ts";
import { bigcommerceApiUrl } from "@/lib/bigcommerce/bigcommerce-api-url.ts";
import { createBigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { registerStoreWebhooks } from "@/lib/bigcommerce/webhooks/register-store-webhooks.ts";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box.ts";
import { db } from "@/lib/db/client.ts";
import { startDemoTraffic } from "@/lib/emulators/bigcommerce/demo-traffic.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { DEMO_STORE_HASH } from "./seed-demo.ts";

/**
 * Demo mode's BigCommerce: the demo store installed on the emulator that start-up started
 * (lib/demo/start-demo-emulators.ts; access token stored encrypted, hooks registered through
 * Tern's own client with the store's secret header), and simulated shoppers, so the inbox fills
 * with realistic orders through the real path: webhook → inbound event → worker → API read-back →
 * ticket. TERN_DEMO_TRAFFIC_MS sets the pace (default 20 s between changes; 0 turns traffic off
 * but keeps the emulator).
 */
export const bigcommerceDemoJob: JobStarter = {
  name: "BigCommerce demo store and traffic",
  enabled: (env) => env.demo,
  start: async ({ env, log, demo }) => {
    if (!demo) return async () => undefined;
    const store = await db().store.findUnique({
      where: { bigcommerceHash: DEMO_STORE_HASH },
      select: { id: true, webhookSecretSealed: true, accessTokenEncrypted: true, scope: true },
    });
    if (!store) {
      log("demo traffic: no demo store, nothing to do");
      return async () => undefined;
    }
    const webhookSecret = openBigcommerceSecret(store.webhookSecretSealed);
    if (!webhookSecret) {
      log("demo traffic: the demo store has no webhook secret, nothing to do");
      return async () => undefined;
    }
    const emulator = demo.bigcommerce;
    const shop = emulator.store(DEMO_STORE_HASH);
    // Orders Tern knows that the emulated store does not (its saved data was lost): never reuse their numbers.
    const last = await db().orderSnapshot.aggregate({ where: { storeId: store.id }, _max: { bigcommerceOrderId: true } });
    if (last._max.bigcommerceOrderId) shop.continueOrdersAfter(last._max.bigcommerceOrderId);
    if (store.accessTokenEncrypted) shop.accessToken = openSecret(store.accessTokenEncrypted);
    else await db().store.update({ where: { id: store.id }, data: { accessTokenEncrypted: sealSecret(shop.accessToken) }, select: { id: true } });
    // The demo store's token is the emulated app's, with the scopes that app is granted.
    if (!store.scope) await db().store.update({ where: { id: store.id }, data: { scope: EMULATED_APP_SCOPE }, select: { id: true } });

    const client = createBigcommerceClient({ apiUrl: bigcommerceApiUrl(), storeHash: shop.hash, accessToken: shop.accessToken });
    await registerStoreWebhooks(client, { destination: `http://127.0.0.1:${env.PORT}/api/webhooks/bigcommerce`, webhookSecret });
    // As an install's registration does: the admin pages say when the hooks were registered.
    await db().store.update({ where: { id: store.id }, data: { webhooksRegisteredAt: new Date(), webhookRegistrationError: null }, select: { id: true } });
    log(`BigCommerce emulator at ${emulator.url} (the demo store's API)`);

    const intervalMs = env.TERN_DEMO_TRAFFIC_MS;
    const traffic =
      intervalMs > 0
        ? startDemoTraffic(shop, {
            intervalMs,
            // After the HTTP server is listening: deliveries before that would be lost.
            initialDelayMs: Math.min(5_000, intervalMs),
            // A store that already has orders shows them; only a new one gets a first few at once.
            initialOrders: shop.orders.size === 0 ? 4 : 1,
            maxOrders: 500,
            onError: (error) => log(`demo traffic: ${error instanceof Error ? error.message : String(error)}`),
          })
        : null;
    return async () => {
      traffic?.stop();
      await emulator.flushWebhooks().catch(() => undefined);
    };
  },
};
