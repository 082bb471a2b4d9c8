import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { customerGroupNames } from "./customer-group-names.ts";
import { loadCustomerMapping } from "./customer-sync-settings.ts";
import { mapBigcommerceCustomer, type MappedCustomer } from "./map-bigcommerce-customer.ts";
import { saveMappedCustomersInTx } from "./save-mapped-customers.ts";

export type CustomerReconcileResult = { checked: number; saved: number; since: Date | null };

// Read a little before the last run, for clock skew between BigCommerce and Tern.
const OVERLAP_MS = 5 * 60_000;
const PAGE_SIZE = 250;

/** Takes this run for the store (moves the marker to `upTo`); the previous marker, or undefined when another run has it. */
async function claimRun(db: Db, storeId: string, upTo: Date, intervalMs: number): Promise<{ previous: Date | null } | undefined> {
  const notBefore = new Date(upTo.getTime() - intervalMs);
  const rows = await db.$queryRaw<{ previous: Date | null }[]>`
    UPDATE "Store" AS store SET "customersReconciledAt" = ${upTo}::timestamptz
    FROM (SELECT id, "customersReconciledAt" AS previous FROM "Store" WHERE id = ${storeId}::uuid FOR UPDATE) AS old
    WHERE store.id = old.id AND (old.previous IS NULL OR old.previous <= ${notBefore}::timestamptz)
    RETURNING old.previous`;
  return rows[0];
}

/**
 * Customer reconciliation for one store: reads the accounts BigCommerce changed since the last run
 * and applies them through the mapping, as their webhooks would have, so a lost
 * store/customer/created or updated changes nothing for long. The first run only sets where the
 * next starts (the full import is what brings in the customers from before). A page at a time:
 * memory stays bounded whatever changed. null when Tern has no API access or another run has it.
 * Deleted accounts leave no trace in this listing; their webhook is the only news of them.
 */
export async function reconcileStoreCustomers(db: Db, storeId: string, options: { now?: Date; intervalMs?: number; pageSize?: number } = {}): Promise<CustomerReconcileResult | null> {
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) return null;
  const now = options.now ?? new Date();
  const claim = await claimRun(db, storeId, now, options.intervalMs ?? 0);
  if (!claim) return null;
  if (!claim.previous) return { checked: 0, saved: 0, since: null };
  const since = new Date(claim.previous.getTime() - OVERLAP_MS);
  try {
    const [mapping, groupNames] = await Promise.all([loadCustomerMapping(db, storeId), customerGroupNames(client, storeId)]);
    let checked = 0;
    let saved = 0;
    for (let page = 1; ; page += 1) {
      const { customers, pagination } = await client.listCustomersPage({ page, limit: options.pageSize ?? PAGE_SIZE, dateModifiedMin: since });
      checked += customers.length;
      const mapped = customers.map((account) => mapBigcommerceCustomer(account, mapping, { groupNames })).flatMap((result): MappedCustomer[] => (result.ok ? [result.customer] : []));
      if (mapped.length) saved += (await db.$transaction((tx) => saveMappedCustomersInTx(tx, storeId, mapped, mapping, new Date()))).saved;
      if (customers.length === 0 || !pagination || page >= pagination.total_pages) break;
    }
    return { checked, saved, since };
  } catch (error) {
    // Not read after all: the next run starts from the same place.
    await db.store.updateMany({ where: { id: storeId, customersReconciledAt: now }, data: { customersReconciledAt: claim.previous } });
    throw error;
  }
}
