import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { CUSTOMER_FIELDS, type CustomerField } from "./customer-mapping.ts";
import { customerGroupNames } from "./customer-group-names.ts";

export type CustomerSyncFields = {
  fields: readonly CustomerField[];
  groups: Array<{ id: number; name: string }>;
  attributes: Array<{ id: number; name: string }>;
  /** false: Tern has no API access to the store, so only the standard fields are offered. */
  apiAccess: boolean;
};

/** What the mapping page may choose from: the standard fields, and the store's groups and attributes. */
export async function customerSyncFields(db: Db, storeId: string): Promise<CustomerSyncFields> {
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) return { fields: CUSTOMER_FIELDS, groups: [], attributes: [], apiAccess: false };
  try {
    const [groups, attributes] = await Promise.all([customerGroupNames(client, storeId, { fresh: true }), client.getCustomerAttributes()]);
    return {
      fields: CUSTOMER_FIELDS,
      groups: [...groups].map(([id, name]) => ({ id, name })),
      attributes: attributes.filter((attribute) => Number.isSafeInteger(attribute?.id)).slice(0, 250).map((attribute) => ({ id: attribute.id, name: String(attribute.name).slice(0, 100) })),
      apiAccess: true,
    };
  } catch (error) {
    throw new AppError("UPSTREAM_FAILED", `BigCommerce did not answer: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
  }
}
