import type { BigcommerceClient } from "../bigcommerce-client.ts";
import type { BigcommerceHook } from "../bigcommerce-types.ts";
import { TERN_WEBHOOK_SCOPES } from "./webhook-scopes.ts";
import { WEBHOOK_SECRET_HEADER } from "./webhook-secret-header.ts";

/**
 * Subscribes the store to every scope Tern reads, delivering to `destination` with the store's
 * secret header. Idempotent: an existing hook for a scope and destination is updated (reactivated,
 * secret refreshed) rather than duplicated, which BigCommerce would refuse anyway.
 */
export async function registerStoreWebhooks(client: BigcommerceClient, input: { destination: string; webhookSecret: string }): Promise<BigcommerceHook[]> {
  const headers = { [WEBHOOK_SECRET_HEADER]: input.webhookSecret };
  const existing = await client.listHooks();
  const hooks: BigcommerceHook[] = [];
  for (const scope of TERN_WEBHOOK_SCOPES) {
    const hook = existing.find((entry) => entry.scope === scope && entry.destination === input.destination);
    hooks.push(
      hook
        ? await client.updateHook(hook.id, { is_active: true, headers })
        : await client.createHook({ scope, destination: input.destination, is_active: true, headers }),
    );
  }
  return hooks;
}
