import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { db as defaultDb, type Db } from "@/lib/db/client.ts";
import { createBigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { registerStoreWebhooks } from "@/lib/bigcommerce/webhooks/register-store-webhooks.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import type { BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import type { TestStore } from "./factories.ts";

/**
 * Wires a test store to an emulated BigCommerce store, as an install would: the emulator store
 * gets the same hash, Tern stores its access token (encrypted), and BIGCOMMERCE_API_URL points at
 * the emulator. With `webhookDestination`, hooks are registered through Tern's own client.
 */
export async function connectEmulatedStore(
  emulator: BigcommerceEmulator,
  store: TestStore,
  options: { webhookDestination?: string } = {},
  client: Db = defaultDb(),
): Promise<EmulatedStore> {
  process.env.BIGCOMMERCE_API_URL = emulator.url;
  const shop = emulator.store(store.bigcommerceHash);
  await client.store.update({ where: { id: store.id }, data: { accessTokenEncrypted: sealSecret(shop.accessToken) }, select: { id: true } });
  if (options.webhookDestination) {
    const api = createBigcommerceClient({ apiUrl: emulator.url, storeHash: shop.hash, accessToken: shop.accessToken });
    await registerStoreWebhooks(api, { destination: options.webhookDestination, webhookSecret: store.webhookSecret });
  }
  return shop;
}
