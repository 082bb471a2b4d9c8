import type { BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { pathOf, WEBHOOK_PATH } from "./sync-store-webhooks.ts";

/**
 * Deletes, through `client`, every hook that delivers to a Tern receiver (this Tern's URL or an
 * earlier one). BigCommerce lists only the hooks of the client whose token asks, so these are
 * Tern's own; anything else the merchant registered with the same account is left alone.
 */
export async function removeTernHooks(client: BigcommerceClient): Promise<number> {
  const ours = (await client.listHooks()).filter((hook) => pathOf(hook.destination) === WEBHOOK_PATH);
  for (const hook of ours) await client.deleteHook(hook.id);
  return ours.length;
}
