import type { Db } from "@/lib/db/client.ts";
import { customerGroupNames } from "@/lib/customers/sync/customer-group-names.ts";
import { loadCustomerMapping } from "@/lib/customers/sync/customer-sync-settings.ts";
import { mapBigcommerceCustomer } from "@/lib/customers/sync/map-bigcommerce-customer.ts";
import { saveMappedCustomersInTx } from "@/lib/customers/sync/save-mapped-customers.ts";
import { bigcommerceClientForStore } from "./bigcommerce-client-for-store.ts";

/**
 * store/customer/created|updated and store/customer/address/*: reads the account (with its
 * addresses and attributes) and brings it into Tern's customer through the store's field mapping,
 * as an import would, creating or linking it by BigCommerce id or email so the customer's later
 * orders and Telegram messages meet one record. An account the mapping cannot keep (no valid
 * email) changes nothing. No API access, or the account is gone: nothing to do.
 */
export async function syncBigcommerceCustomer(db: Db, storeId: string, bigcommerceCustomerId: number): Promise<void> {
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) return;
  const [account] = await client.getCustomers({ ids: [bigcommerceCustomerId] });
  if (!account) return;
  const [mapping, groupNames] = await Promise.all([loadCustomerMapping(db, storeId), customerGroupNames(client, storeId)]);
  const mapped = mapBigcommerceCustomer(account, mapping, { groupNames });
  if (!mapped.ok) return;
  await db.$transaction((tx) => saveMappedCustomersInTx(tx, storeId, [mapped.customer], mapping, new Date()));
}

/**
 * store/customer/deleted: the account is gone from BigCommerce, not the person from Tern. The
 * customer, their tickets and conversations stay; only the link is marked, for agents to see.
 */
export async function markBigcommerceCustomerDeleted(db: Db, storeId: string, bigcommerceCustomerId: number): Promise<void> {
  await db.customer.updateMany({ where: { storeId, bigcommerceCustomerId, bigcommerceDeletedAt: null }, data: { bigcommerceDeletedAt: new Date() } });
}
