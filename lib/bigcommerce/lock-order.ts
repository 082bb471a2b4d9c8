import type { Tx } from "@/lib/db/client.ts";

/**
 * Serialises everything Tern writes for one BigCommerce order (its snapshot, its ticket, the notes
 * and messages events add) until the transaction ends. Two workers handling "created" and
 * "updated" of one order at once then run one after the other, and the second finds the ticket
 * the first made. A transaction-scoped advisory lock: released on commit, rollback or a dropped
 * connection, so a crashed worker never leaves it held.
 */
export async function lockOrderInTx(tx: Tx, storeId: string, orderId: number): Promise<void> {
  const key = `bigcommerce-order:${storeId}:${orderId}`;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
