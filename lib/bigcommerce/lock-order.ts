import type { Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { BigcommerceOrder } from "./bigcommerce-types.ts";

/** Tern's copy of an order as read under the order lock (save-order-snapshot.ts writes it). */
export type StoredOrderSnapshot = {
  id: string;
  customerId: string | null;
  statusId: number | null;
  status: string | null;
  notedStatusId: number | null;
  notifiedTracking: string[];
  seenRefundIds: string[];
  seenReturnKeys: string[];
  dateModified: Date | null;
  order: BigcommerceOrder;
  products: unknown;
  shipments: unknown;
};

/** The OrderSnapshot columns of a StoredOrderSnapshot, from the table as `s`. */
export const STORED_SNAPSHOT_COLUMNS = Prisma.sql`s.id, s."customerId", s."statusId", s.status, s."notedStatusId", s."notifiedTracking", s."seenRefundIds",
  s."seenReturnKeys", s."dateModified", s."order", s.products, s.shipments`;

async function lockSnapshotRow(tx: Tx, storeId: string, orderId: number): Promise<StoredOrderSnapshot | null> {
  // NO KEY UPDATE: order lockers wait for each other, while a ticket row referencing the snapshot
  // (whose foreign key check takes KEY SHARE) can still be written by anyone.
  const rows = await tx.$queryRaw<StoredOrderSnapshot[]>(Prisma.sql`
    SELECT ${STORED_SNAPSHOT_COLUMNS}
    FROM "OrderSnapshot" s WHERE s."storeId" = ${storeId}::uuid AND s."bigcommerceOrderId" = ${orderId}
    FOR NO KEY UPDATE`);
  return rows[0] ?? null;
}

function newOrderLockKey(storeId: string, orderId: number): string {
  return `bigcommerce-order:${storeId}:${orderId}`;
}

/**
 * Serialises everything Tern writes for one BigCommerce order (its snapshot, its ticket, the notes
 * and messages events add) until the transaction ends, and returns Tern's copy of the order as it
 * is once the lock is held. Two workers handling "created" and "updated" of one order at once then
 * run one after the other, and the second finds the ticket the first made.
 *
 * The lock is the snapshot row's, taken by the same statement that reads it. An order with no
 * snapshot yet has no row to lock, so its lockers first meet on a transaction-scoped advisory lock
 * and then look again: whoever held it may have just created the row, and from then on the row is
 * the lock. Both kinds are released on commit, rollback or a dropped connection, so a crashed
 * worker never leaves one held.
 */
export async function lockOrderInTx(tx: Tx, storeId: string, orderId: number): Promise<StoredOrderSnapshot | null> {
  const stored = await lockSnapshotRow(tx, storeId, orderId);
  if (stored) return stored;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${newOrderLockKey(storeId, orderId)}, 0))`;
  return lockSnapshotRow(tx, storeId, orderId);
}

/**
 * The locks lockOrderInTx takes for orders with no snapshot, for many orders at once (a burst of
 * new orders), taken in one order (by key, the statement's ORDER BY) so that two bursts sharing
 * orders cannot deadlock.
 */
export async function lockNewOrdersInTx(tx: Tx, storeId: string, orderIds: readonly number[]): Promise<void> {
  const keys = [...new Set(orderIds)].map((orderId) => newOrderLockKey(storeId, orderId));
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))::int AS locked FROM (SELECT unnest(${keys}::text[]) AS key ORDER BY 1) ordered`;
}
