import { attachProductImages } from "./attach-product-images.ts";
import type { BigcommerceClient } from "./bigcommerce-client.ts";
import { ORDER_STATUS } from "./bigcommerce-types.ts";
import type { OrderBundle } from "./events/order-bundle.ts";

export type KnownOrder = { bundle: OrderBundle; dateModified: Date | null };

export type OrderReadOptions = {
  /** Re-read shipments even when the order is unchanged: a tracking edit need not touch the order. */
  shipments?: boolean;
  /**
   * The event says only the status moved (statusUpdated): products and addresses are taken from
   * Tern's copy although date_modified moved. Shipments are re-read when the order enters a
   * shipping status, since a shipment is what usually moves it there.
   */
  statusOnly?: boolean;
};

const SHIPPING_STATUSES: readonly number[] = [ORDER_STATUS.SHIPPED, ORDER_STATUS.PARTIALLY_SHIPPED];

function sameInstant(value: string, known: Date | null): boolean {
  const parsed = Date.parse(value);
  return known !== null && !Number.isNaN(parsed) && parsed === known.getTime();
}

/**
 * The order and its products, shipping addresses and shipments; null when BigCommerce has no such
 * order. The store's API quota is small and shared with its other apps (150 requests per 30 s on
 * most plans), so when the order is unchanged since Tern's copy (same date_modified: a duplicate,
 * a late event) its sub-resources are taken from that copy: one request instead of four.
 * Shipments are re-read when asked, since a tracking edit need not touch the order. Products get
 * their catalog picture (attach-product-images.ts), reused from that copy when it had one.
 * A status change alone (options.statusOnly) reads the order, and its shipments when shipping.
 */
export async function fetchOrderBundle(client: BigcommerceClient, orderId: number, known?: KnownOrder | null, options: OrderReadOptions = {}): Promise<OrderBundle | null> {
  const order = await client.getOrder(orderId);
  if (!order) return null;
  const unchanged = known ? sameInstant(order.date_modified, known.dateModified) : false;
  if (known && (unchanged || options.statusOnly)) {
    const shipping = options.statusOnly && !unchanged && SHIPPING_STATUSES.includes(order.status_id);
    const shipments = options.shipments || shipping ? await client.getOrderShipments(orderId) : known.bundle.shipments;
    return { order, products: known.bundle.products, shippingAddresses: known.bundle.shippingAddresses, shipments };
  }
  const [products, shippingAddresses, shipments] = await Promise.all([
    client.getOrderProducts(orderId),
    client.getOrderShippingAddresses(orderId),
    client.getOrderShipments(orderId),
  ]);
  return { order, products: await attachProductImages(client, products, known?.bundle.products), shippingAddresses, shipments };
}
