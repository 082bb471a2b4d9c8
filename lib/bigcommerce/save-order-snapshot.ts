import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { BigcommerceOrder, BigcommerceOrderProduct, BigcommerceShipment, BigcommerceShippingAddress } from "./bigcommerce-types.ts";
import type { OrderBundle } from "./events/order-bundle.ts";
import type { StoredOrderSnapshot } from "./lock-order.ts";

/** What the order's ticket thread has already been told (kept apart from the cached order). */
export type ThreadMemory = {
  notedStatusId: number | null;
  notifiedTracking: string[];
  seenRefundIds: string[];
  seenReturnKeys: string[];
};

export type CachedOrder = {
  statusId: number | null;
  status: string | null;
  totalIncTax: string | null;
  currency: string | null;
  order: Prisma.InputJsonValue;
  products?: Prisma.InputJsonValue;
  shipments?: Prisma.InputJsonValue;
  dateModified: Date | null;
  fetchedAt: Date;
  customerId?: string | null;
};

export type SavedOrderSnapshot = ThreadMemory & {
  id: string;
  customerId: string | null;
  statusId: number | null;
  status: string | null;
  /** The order as now stored (the one given, unless an older read lost to a newer one). */
  bundle: OrderBundle;
  /** True when the given read was older than the stored one and was not written. */
  stale: boolean;
  /** The status stored before this save, if there was a snapshot. */
  previous: { statusId: number | null; status: string | null } | null;
  /** The order read, when it is still to be written (writeOrderSnapshotInTx). */
  unwritten: CachedOrder | null;
};

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function json(value: unknown): Prisma.InputJsonValue {
  return (value ?? null) as Prisma.InputJsonValue;
}

/** The stored order as a bundle: shipping addresses live inside `order` (the sidebar reads them there). */
export function bundleFromSnapshot(row: { order: unknown; products: unknown; shipments: unknown }): OrderBundle {
  const order = row.order as BigcommerceOrder & { shipping_addresses?: unknown };
  const shippingAddresses = Array.isArray(order.shipping_addresses) ? (order.shipping_addresses as BigcommerceShippingAddress[]) : [];
  return {
    order,
    products: Array.isArray(row.products) ? (row.products as BigcommerceOrderProduct[]) : [],
    shippingAddresses,
    shipments: Array.isArray(row.shipments) ? (row.shipments as BigcommerceShipment[]) : [],
  };
}

/** An order read older than Tern's copy, by BigCommerce's date_modified: it must not overwrite it. */
export function olderThanStored(order: BigcommerceOrder, stored: { dateModified: Date | null }): boolean {
  const read = dateOf(order.date_modified);
  return Boolean(stored.dateModified && read && read < stored.dateModified);
}

function memoryOf(row: ThreadMemory): ThreadMemory {
  return { notedStatusId: row.notedStatusId, notifiedTracking: row.notifiedTracking, seenRefundIds: row.seenRefundIds, seenReturnKeys: row.seenReturnKeys };
}

/** The snapshot's cache columns for an order read (products and shipments only when they are not the stored lists themselves). */
export function cachedOrder(bundle: OrderBundle, stored: Pick<StoredOrderSnapshot, "products" | "shipments" | "dateModified"> | null): CachedOrder {
  // The order's sub-resource links are replaced by the data itself.
  const { products: _productsLink, ...order } = bundle.order;
  const total = Number(bundle.order.total_inc_tax);
  return {
    statusId: bundle.order.status_id,
    status: bundle.order.custom_status || bundle.order.status || null,
    totalIncTax: Number.isFinite(total) ? total.toFixed(4) : null,
    currency: bundle.order.currency_code ?? null,
    order: json({ ...order, shipping_addresses: bundle.shippingAddresses }),
    // A status change's bundle carries the stored lists themselves (completeOrderBundle): they are not written again.
    ...(bundle.products !== stored?.products ? { products: json(bundle.products) } : {}),
    ...(bundle.shipments !== stored?.shipments ? { shipments: json(bundle.shipments) } : {}),
    dateModified: dateOf(bundle.order.date_modified) ?? stored?.dateModified ?? null,
    fetchedAt: new Date(),
  };
}

export type SaveOrderSnapshotInput = {
  storeId: string;
  /** Tern's copy as read under the order lock (lock-order.ts), or null when there is none. */
  stored: StoredOrderSnapshot | null;
  bundle: OrderBundle;
  /**
   * The customer to link, given the stored copy (null: none yet); called only when the read is
   * written. Absent: keep the stored link.
   */
  linkCustomer?: (stored: { customerId: string | null; order: BigcommerceOrder } | null) => Promise<string | null>;
};

/**
 * Caches an order read in OrderSnapshot, under the order lock. Reads can finish out of order (two
 * workers, a slow request): one older than the stored copy, by BigCommerce's date_modified, is
 * dropped, so the cache and every decision made from it never go backwards.
 *
 * A new order's row is created at once (its ticket refers to it). An existing row is only brought
 * up to date in memory: writeOrderSnapshotInTx then writes the read together with what the thread
 * was told, one UPDATE for both, which is what most order events need.
 */
export async function prepareOrderSnapshotInTx(tx: Tx, input: SaveOrderSnapshotInput): Promise<SavedOrderSnapshot> {
  const { storeId, stored, bundle } = input;
  const previous = stored ? { statusId: stored.statusId, status: stored.status } : null;
  if (stored && olderThanStored(bundle.order, stored)) {
    return { ...memoryOf(stored), id: stored.id, customerId: stored.customerId, statusId: stored.statusId, status: stored.status, bundle: bundleFromSnapshot(stored), stale: true, previous, unwritten: null };
  }
  const customerId = input.linkCustomer ? await input.linkCustomer(stored ? { customerId: stored.customerId, order: stored.order } : null) : undefined;
  const data: CachedOrder = { ...cachedOrder(bundle, stored), ...(customerId !== undefined ? { customerId } : {}) };
  const saved = { bundle, stale: false, previous, statusId: data.statusId, status: data.status };
  if (stored) return { ...saved, ...memoryOf(stored), id: stored.id, customerId: customerId !== undefined ? customerId : stored.customerId, unwritten: data };
  const created = await tx.orderSnapshot.create({
    data: { storeId, bigcommerceOrderId: bundle.order.id, ...data },
    select: { id: true, customerId: true, notedStatusId: true, notifiedTracking: true, seenRefundIds: true, seenReturnKeys: true },
  });
  return { ...saved, ...memoryOf(created), id: created.id, customerId: created.customerId, unwritten: null };
}

/**
 * Writes what prepareOrderSnapshotInTx left unwritten and, when given, what the thread has now
 * been told: one statement, or none when there is nothing to write.
 */
export async function writeOrderSnapshotInTx(tx: Tx, snapshot: SavedOrderSnapshot, memory?: Partial<ThreadMemory>): Promise<void> {
  if (!snapshot.unwritten && !memory) return;
  await tx.orderSnapshot.update({ where: { id: snapshot.id }, data: { ...snapshot.unwritten, ...memory }, select: { id: true } });
  snapshot.unwritten = null;
  if (memory) Object.assign(snapshot, memory);
}

/** Caches an order read (a sidebar refresh): no thread memory changes. */
export async function saveOrderSnapshotInTx(tx: Tx, input: SaveOrderSnapshotInput): Promise<SavedOrderSnapshot> {
  const snapshot = await prepareOrderSnapshotInTx(tx, input);
  await writeOrderSnapshotInTx(tx, snapshot);
  return snapshot;
}
