import type { BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";

const TTL_MS = 5 * 60_000;
const MAX_STORES = 1_000;
const cache = new Map<string, { names: Map<number, string>; until: number }>();

/**
 * The store's customer group names by id, for the tier mapping ("VIP" is a group's name, accounts
 * carry its id). Kept a few minutes per store so webhooks do not each spend an API call on it.
 */
export async function customerGroupNames(client: Pick<BigcommerceClient, "getCustomerGroups">, storeId: string, options: { fresh?: boolean } = {}): Promise<Map<number, string>> {
  const hit = cache.get(storeId);
  if (hit && hit.until > Date.now() && !options.fresh) return hit.names;
  const groups = await client.getCustomerGroups();
  const names = new Map(groups.filter((group) => Number.isSafeInteger(group?.id) && typeof group.name === "string").map((group) => [group.id, group.name.slice(0, 100)]));
  if (cache.size >= MAX_STORES) cache.clear();
  cache.set(storeId, { names, until: Date.now() + TTL_MS });
  return names;
}
