import type { Db } from "@/lib/db/client.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { bigcommerceClientForStore } from "./bigcommerce-client-for-store.ts";
import { fetchOrderBundle } from "./fetch-order-bundle.ts";
import { lockOrderInTx } from "./lock-order.ts";
import { saveOrderSnapshotInTx, type SavedOrderSnapshot } from "./save-order-snapshot.ts";

/**
 * Re-reads an order from BigCommerce into its OrderSnapshot (e.g. the inbox sidebar's refresh).
 * null when Tern has no API access to the store or the order is gone. It only refreshes the
 * cache: notes, notices and escalations stay with the event processor, which tracks what the
 * thread was told separately, so a refresh here never swallows one.
 */
export async function refreshOrderSnapshot(db: Db, storeId: string, orderId: number): Promise<SavedOrderSnapshot | null> {
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) return null;
  const bundle = await fetchOrderBundle(client, orderId);
  if (!bundle) return null;
  return db.$transaction(async (tx) => {
    const stored = await lockOrderInTx(tx, storeId, orderId);
    return saveOrderSnapshotInTx(tx, { storeId, stored, bundle });
  }, TICKET_TX_OPTIONS);
}
