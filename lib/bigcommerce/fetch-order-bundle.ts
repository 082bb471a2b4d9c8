import { attachProductImages } from "./attach-product-images.ts";
import type { BigcommerceClient } from "./bigcommerce-client.ts";
import type { OrderBundle } from "./events/order-bundle.ts";

export type KnownOrder = { bundle: OrderBundle; dateModified: Date | null };

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
 */
export async function fetchOrderBundle(client: BigcommerceClient, orderId: number, known?: KnownOrder | null, options: { shipments?: boolean } = {}): Promise<OrderBundle | null> {
  const order = await client.getOrder(orderId);
  if (!order) return null;
  if (known && sameInstant(order.date_modified, known.dateModified)) {
    const shipments = options.shipments ? await client.getOrderShipments(orderId) : known.bundle.shipments;
    return { order, products: known.bundle.products, shippingAddresses: known.bundle.shippingAddresses, shipments };
  }
  const [products, shippingAddresses, shipments] = await Promise.all([
    client.getOrderProducts(orderId),
    client.getOrderShippingAddresses(orderId),
    client.getOrderShipments(orderId),
  ]);
  return { order, products: await attachProductImages(client, products, known?.bundle.products), shippingAddresses, shipments };
}
