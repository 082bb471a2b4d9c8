import { randomBytes } from "node:crypto";

/**
 * A store-level API account, as a merchant creates one under Settings → API accounts: its own
 * client id and access token, limited to the OAuth scopes ticked when it was made. BigCommerce
 * shows the API path and the token once; whoever holds the token may call the store's REST API
 * within those scopes, and sees only the webhooks it created itself.
 */
export type EmulatedApiAccount = { name: string; clientId: string; clientSecret: string; accessToken: string; scopes: string[] };

/** Who is calling the store's API: the app (granted everything, as before) or one API account. */
export type EmulatedCaller = { clientId: string; scopes: ReadonlySet<string> | null };

/** The client id the app's hooks carry (the emulated app is the one OAuth client of every store). */
export const APP_CLIENT_ID = "emulated-client";

/**
 * Every scope Tern asks a merchant to tick (README, "Connect with a store API account"): what the
 * emulator grants a test's API account unless it names others.
 */
export const FULL_API_ACCOUNT_SCOPES = [
  "store_v2_information_read_only",
  "store_v2_orders",
  "store_v2_transactions",
  "store_v2_customers",
  "store_v2_products_read_only",
  "store_cart",
  "store_v2_content",
];

export function newApiAccount(input: { name?: string; scopes?: readonly string[] }): EmulatedApiAccount {
  return {
    name: input.name ?? "Tern",
    clientId: randomBytes(12).toString("hex"),
    clientSecret: randomBytes(16).toString("hex"),
    // BigCommerce's tokens are 31 lowercase letters and digits; any opaque string does here.
    accessToken: randomBytes(16).toString("hex").slice(0, 31),
    scopes: [...(input.scopes ?? FULL_API_ACCOUNT_SCOPES)],
  };
}

/** A "modify" scope includes its "read-only" twin, as in BigCommerce's scope picker. */
export function callerHasScope(caller: EmulatedCaller, scope: string): boolean {
  if (!caller.scopes) return true;
  return caller.scopes.has(scope) || (scope.endsWith("_read_only") && caller.scopes.has(scope.slice(0, -"_read_only".length)));
}

/**
 * The scope a REST call needs (null: none of its own). Reads need the read-only scope, writes the
 * modify one. Webhooks need the scope of their events, checked when one is created.
 */
export function scopeForRequest(method: string, path: string): string | null {
  const write = method !== "GET";
  const level = (base: string) => (write ? base : `${base}_read_only`);
  if (path === "/v2/store") return "store_v2_information_read_only";
  if (/^\/v2\/(orders|order_statuses)(\/|$)/.test(path)) return level("store_v2_orders");
  if (/^\/v3\/orders\/\d+\/payment_actions\//.test(path)) return level("store_v2_transactions");
  if (/^\/v3\/customers(\/|$)/.test(path)) return level("store_v2_customers");
  if (/^\/v3\/catalog\//.test(path)) return level("store_v2_products");
  if (/^\/v3\/carts(\/|$)/.test(path)) return level("store_cart");
  if (/^\/v3\/content\//.test(path)) return level("store_v2_content");
  return null;
}

/** The read scope a webhook's events need: order and shipment events read orders, customer events read customers. */
export function scopeForHook(hookScope: string): string | null {
  if (/^store\/(order|shipment)\//.test(hookScope)) return "store_v2_orders_read_only";
  if (/^store\/customer\//.test(hookScope)) return "store_v2_customers_read_only";
  if (/^store\/(product|sku|category)\//.test(hookScope)) return "store_v2_products_read_only";
  return null;
}
