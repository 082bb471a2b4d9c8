import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { ORDER_STATUS } from "./bigcommerce-types.ts";
import { createBigcommerceClient, type BigcommerceClient } from "./bigcommerce-client.ts";
import { completeOrderBundle, fetchOrderBundle, fetchOrderStatus, type KnownOrder } from "./fetch-order-bundle.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";

// How many of the store's scarce API requests an order read spends, by what the event says changed.

let emulator: BigcommerceEmulator;
let counter = 0;

beforeAll(async () => {
  emulator = await startBigcommerceEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

function freshStore(): { shop: EmulatedStore; client: BigcommerceClient; reads: () => string[] } {
  const shop = emulator.store(`bundle-test-${(counter += 1)}`);
  const client = createBigcommerceClient({ apiUrl: emulator.url, storeHash: shop.hash, accessToken: shop.accessToken, gate: new RateLimitGate() });
  let seen = 0;
  // The paths read since the last call, without the store prefix and query.
  const reads = () => {
    const mine = emulator.requests.filter((request) => request.storeHash === shop.hash);
    const fresh = mine.slice(seen).map((request) => request.path.replace(/^\/v2/, "").replace(/\?.*$/, ""));
    seen = mine.length;
    return fresh;
  };
  return { shop, client, reads };
}

async function known(client: BigcommerceClient, orderId: number): Promise<KnownOrder> {
  const bundle = (await fetchOrderBundle(client, orderId))!;
  return { bundle, dateModified: new Date(bundle.order.date_modified) };
}

describe("fetchOrderBundle", () => {
  it("reads the order, its products (and their pictures) and addresses when Tern has no copy, and no shipments while nothing has shipped", async () => {
    const { shop, client, reads } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] }, { silent: true });
    const bundle = (await fetchOrderBundle(client, order.id, null))!;
    expect(reads()).toEqual([`/orders/${order.id}`, `/orders/${order.id}/products`, `/orders/${order.id}/shipping_addresses`, "/v3/catalog/products/1/images"]);
    expect(bundle.shipments).toEqual([]);
  });

  it("reads the shipments of an order that has shipped items", async () => {
    const { shop, client, reads } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] }, { silent: true });
    shop.addShipment(order.id, { trackingNumber: "1Z777", carrier: "ups" }, { silent: true });
    const bundle = (await fetchOrderBundle(client, order.id, null))!;
    expect(reads()).toContain(`/orders/${order.id}/shipments`);
    expect(bundle.shipments).toMatchObject([{ tracking_number: "1Z777" }]);
  });

  it("reads a product's picture once for the orders of a burst, not once per order", async () => {
    const { shop, client, reads } = freshStore();
    const orders = [1, 2, 3].map(() => shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9, productId: 77 }] }, { silent: true }));
    const bundles = await Promise.all(orders.map((order) => fetchOrderBundle(client, order.id, null)));
    expect(reads().filter((path) => path.includes("/images"))).toEqual(["/v3/catalog/products/77/images"]);
    expect(new Set(bundles.map((bundle) => bundle!.products[0]!.image_url)).size).toBe(1);
  });

  it("reads only the order for a status change, keeping products and addresses from Tern's copy", async () => {
    const { shop, client, reads } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] }, { silent: true });
    const copy = await known(client, order.id);
    reads();
    shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT, { silent: true });
    const read = (await fetchOrderStatus(client, order.id))!;
    expect(reads()).toEqual([`/orders/${order.id}`]);
    expect(read.shipments).toBeNull();
    const bundle = completeOrderBundle(read, copy.bundle);
    expect(bundle.order.status_id).toBe(ORDER_STATUS.AWAITING_SHIPMENT);
    expect(bundle.products).toEqual(copy.bundle.products);
    expect(bundle.shippingAddresses).toEqual(copy.bundle.shippingAddresses);
    expect(bundle.shipments).toEqual(copy.bundle.shipments);
  });

  it("also reads the shipments when a status change finds the order shipped", async () => {
    const { shop, client, reads } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] }, { silent: true });
    const copy = await known(client, order.id);
    reads();
    shop.addShipment(order.id, { trackingNumber: "1Z999", carrier: "ups" }, { silent: true });
    const bundle = completeOrderBundle((await fetchOrderStatus(client, order.id))!, copy.bundle);
    expect(bundle.order.status_id).toBe(ORDER_STATUS.SHIPPED);
    expect(reads()).toEqual([`/orders/${order.id}`, `/orders/${order.id}/shipments`]);
    expect(bundle.shipments).toMatchObject([{ tracking_number: "1Z999" }]);
  });

  it("has no status read of an order BigCommerce does not have", async () => {
    const { client } = freshStore();
    expect(await fetchOrderStatus(client, 987_654)).toBeNull();
  });

  it("re-reads everything for an order update whose date_modified moved, and nothing more for a duplicate", async () => {
    const { shop, client, reads } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Mug", sku: "M", price: 9 }] }, { silent: true });
    const copy = await known(client, order.id);
    reads();
    await fetchOrderBundle(client, order.id, copy);
    expect(reads()).toEqual([`/orders/${order.id}`]);
    shop.updateOrder(order.id, { staffNotes: "gift wrap" }, { silent: true });
    await fetchOrderBundle(client, order.id, copy);
    // The order, its products and addresses; the picture was read a moment ago, and nothing has shipped.
    expect(reads()).toEqual([`/orders/${order.id}`, `/orders/${order.id}/products`, `/orders/${order.id}/shipping_addresses`]);
  });
});
