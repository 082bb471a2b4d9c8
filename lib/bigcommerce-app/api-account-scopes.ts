import type { BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";

/**
 * The OAuth scopes Tern looks for on a store API account, named as the control panel's scope
 * picker names them (Settings → API accounts), each with a cheap read that BigCommerce refuses
 * with 403 when the scope is missing. BigCommerce has no call that lists a token's scopes, so
 * Tern asks: a 403 means missing, a 404 (no such thing, but allowed to look) means granted.
 */
export type ApiAccountScope = {
  scope: string;
  /** The picker's words and what Tern does with it. */
  words: string;
  required: boolean;
  probe: (client: BigcommerceClient) => Promise<unknown>;
};

export const API_ACCOUNT_SCOPES: readonly ApiAccountScope[] = [
  {
    scope: "store_v2_information_read_only",
    words: "Information & settings: read-only (the store's name)",
    required: true,
    probe: (client) => client.getStoreInfo(),
  },
  {
    scope: "store_v2_orders_read_only",
    words: "Orders: read-only, or modify for refunds, cancellations and Telegram address changes (orders and shipments become tickets)",
    required: true,
    probe: (client) => client.listOrders({ limit: 1 }),
  },
  {
    scope: "store_v2_customers_read_only",
    words: "Customers: read-only, or modify for Telegram phone changes (the customer beside each ticket, customer webhooks)",
    required: true,
    probe: (client) => client.getCustomers({ ids: [1] }),
  },
  {
    scope: "store_v2_products_read_only",
    words: "Products: read-only (product pictures in the order sidebar, Telegram catalog search)",
    required: false,
    probe: (client) => client.getProductImages(1),
  },
  {
    scope: "store_v2_content",
    words: "Content: modify (the \"Chat with us on Telegram\" link on the order confirmation page)",
    required: false,
    probe: (client) => client.listScripts(),
  },
];
