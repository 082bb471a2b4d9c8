import { attachProductImages } from "./attach-product-images.ts";
import type { BigcommerceClient } from "./bigcommerce-client.ts";
import { ORDER_STATUS, type BigcommerceOrder, type BigcommerceShipment } from "./bigcommerce-types.ts";
import type { OrderBundle } from "./events/order-bundle.ts";

export type KnownOrder = { bundle: OrderBundle; dateModified: Date | null };

export type OrderReadOptions = {
  /** Re-read shipments even when the order is unchanged: a tracking edit need not touch the order. */
  shipments?: boolean;
};

/**
 * What a status change (statusUpdated) needs from BigCommerce: the order, and its shipments when
 * it is in a shipping status, since a shipment is what usually moves it there. Products and
 * addresses come from Tern's copy (completeOrderBundle).
 */
export type OrderStatusRead = { order: BigcommerceOrder; shipments: BigcommerceShipment[] | null };

export function isStatusRead(read: OrderBundle | OrderStatusRead): read is OrderStatusRead {
  return !("products" in read);
}

const SHIPPING_STATUSES: readonly number[] = [ORDER_STATUS.SHIPPED, ORDER_STATUS.PARTIALLY_SHIPPED];

function sameInstant(value: string, known: Date | null): boolean {
  const parsed = Date.parse(value);
  return known !== null && !Number.isNaN(parsed) && parsed === known.getTime();
}

/**
 * The order and its products, shipping addresses and shipments; null when BigCommerce has no such
 * order. The store's API quota is small and shared with its other apps (150 requests per 30 s on
 * most plans), so when the order is unchanged since Tern's copy (same date_modified: a duplicate,
 * a late event) its sub-resources are taken from that copy: one request instead of four; an order
 * with nothing shipped has no shipments to read.
 * Shipments are re-read when asked, since a tracking edit need not touch the order. Products get
 * their catalog picture (attach-product-images.ts), reused from that copy when it had one.
 */
export async function fetchOrderBundle(client: BigcommerceClient, orderId: number, known?: KnownOrder | null, options: OrderReadOptions = {}): Promise<OrderBundle | null> {
  const order = await client.getOrder(orderId);
  if (!order) return null;
  const unchanged = known ? sameInstant(order.date_modified, known.dateModified) : false;
  if (known && unchanged) {
    const shipments = options.shipments ? await client.getOrderShipments(orderId) : known.bundle.shipments;
    return { order, products: known.bundle.products, shippingAddresses: known.bundle.shippingAddresses, shipments };
  }
  const [products, shippingAddresses, shipments] = await Promise.all([
    client.getOrderProducts(orderId),
    client.getOrderShippingAddresses(orderId),
    // Nothing shipped means no shipment (every shipment ships an item): a new order's read skips it.
    !options.shipments && order.items_shipped === 0 ? [] : client.getOrderShipments(orderId),
  ]);
  return { order, products: await attachProductImages(client, products, known?.bundle.products), shippingAddresses, shipments };
}

/** The order for a status change (OrderStatusRead); null when BigCommerce has no such order. */
export async function fetchOrderStatus(client: BigcommerceClient, orderId: number): Promise<OrderStatusRead | null> {
  const order = await client.getOrder(orderId);
  if (!order) return null;
  return { order, shipments: SHIPPING_STATUSES.includes(order.status_id) ? await client.getOrderShipments(orderId) : null };
}

/** A status read completed with Tern's copy of the order's products, addresses and (unless re-read) shipments. */
export function completeOrderBundle(read: OrderStatusRead, known: OrderBundle): OrderBundle {
  return { order: read.order, products: known.products, shippingAddresses: known.shippingAddresses, shipments: read.shipments ?? known.shipments };
}
