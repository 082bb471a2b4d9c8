import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { BigcommerceOrder, BigcommerceOrderProduct, BigcommerceShipment, BigcommerceShippingAddress } from "./bigcommerce-types.ts";
import type { OrderBundle } from "./events/order-bundle.ts";

export type SavedOrderSnapshot = {
  id: string;
  customerId: string | null;
  statusId: number | null;
  status: string | null;
  notedStatusId: number | null;
  notifiedTracking: string[];
  seenRefundIds: string[];
  seenReturnKeys: string[];
  /** The order as now stored (the one given, unless an older read lost to a newer one). */
  bundle: OrderBundle;
  /** True when the given read was older than the stored one and was not written. */
  stale: boolean;
  /** The status stored before this save, if there was a snapshot. */
  previous: { statusId: number | null; status: string | null } | null;
};

const snapshotSelect = {
  id: true,
  customerId: true,
  statusId: true,
  status: true,
  notedStatusId: true,
  notifiedTracking: true,
  seenRefundIds: true,
  seenReturnKeys: true,
  dateModified: true,
  order: true,
  products: true,
  shipments: true,
} as const;

type SnapshotRow = Prisma.OrderSnapshotGetPayload<{ select: typeof snapshotSelect }>;

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
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

function toSaved(row: SnapshotRow, stale: boolean, previous: SnapshotRow | null): SavedOrderSnapshot {
  return {
    previous: previous ? { statusId: previous.statusId, status: previous.status } : null,
    id: row.id,
    customerId: row.customerId,
    statusId: row.statusId,
    status: row.status,
    notedStatusId: row.notedStatusId,
    notifiedTracking: row.notifiedTracking,
    seenRefundIds: row.seenRefundIds,
    seenReturnKeys: row.seenReturnKeys,
    bundle: bundleFromSnapshot(row),
    stale,
  };
}

/**
 * Caches an order read in OrderSnapshot. Reads can finish out of order (two workers, a slow
 * request): one older than the stored copy, by BigCommerce's date_modified, is dropped, so the
 * cache and every decision made from it never go backwards. Call with the order lock held
 * (lock-order.ts).
 */
export type SaveOrderSnapshotInput = {
  storeId: string;
  bundle: OrderBundle;
  /**
   * The customer to link, given the stored copy (null: none yet); called only when the read is
   * written. Absent: keep the stored link.
   */
  linkCustomer?: (stored: { customerId: string | null; order: BigcommerceOrder } | null) => Promise<string | null>;
};

export async function saveOrderSnapshotInTx(tx: Tx, input: SaveOrderSnapshotInput): Promise<SavedOrderSnapshot> {
  const { storeId, bundle } = input;
  const orderId = bundle.order.id;
  const key = { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: orderId } };
  const existing = await tx.orderSnapshot.findUnique({ where: key, select: snapshotSelect });
  const dateModified = dateOf(bundle.order.date_modified);
  if (existing?.dateModified && dateModified && dateModified < existing.dateModified) return toSaved(existing, true, existing);
  const customerId = input.linkCustomer ? await input.linkCustomer(existing ? { customerId: existing.customerId, order: existing.order as BigcommerceOrder } : null) : undefined;

  // The order's sub-resource links are replaced by the data itself.
  const { products: _productsLink, ...order } = bundle.order;
  const total = Number(bundle.order.total_inc_tax);
  const data = {
    statusId: bundle.order.status_id,
    status: bundle.order.custom_status || bundle.order.status || null,
    totalIncTax: Number.isFinite(total) ? total.toFixed(4) : null,
    currency: bundle.order.currency_code ?? null,
    order: json({ ...order, shipping_addresses: bundle.shippingAddresses }),
    products: json(bundle.products),
    shipments: json(bundle.shipments),
    dateModified: dateModified ?? existing?.dateModified ?? null,
    fetchedAt: new Date(),
    ...(customerId !== undefined ? { customerId } : {}),
  };
  const row = existing
    ? await tx.orderSnapshot.update({ where: { id: existing.id }, data, select: snapshotSelect })
    : await tx.orderSnapshot.create({ data: { storeId, bigcommerceOrderId: orderId, ...data }, select: snapshotSelect });
  return toSaved(row, false, existing);
}
