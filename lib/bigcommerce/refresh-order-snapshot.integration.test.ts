import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { bigcommerceClientForStore } from "./bigcommerce-client-for-store.ts";
import type { BigcommerceOrderProduct } from "./bigcommerce-types.ts";
import { fetchOrderBundle } from "./fetch-order-bundle.ts";
import { refreshOrderSnapshot } from "./refresh-order-snapshot.ts";

let emulator: BigcommerceEmulator;
let store: TestStore;
let shop: EmulatedStore;

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store);
});

afterAll(async () => {
  await emulator?.close();
});

function imageRequests(productId: number): number {
  return emulator.requests.filter((request) => request.storeHash === shop.hash && request.path === `/v3/catalog/products/${productId}/images`).length;
}

async function storedProducts(orderId: number): Promise<BigcommerceOrderProduct[]> {
  const row = await db().orderSnapshot.findUniqueOrThrow({ where: { storeId_bigcommerceOrderId: { storeId: store.id, bigcommerceOrderId: orderId } }, select: { products: true } });
  return row.products as BigcommerceOrderProduct[];
}

describe("product images on a refreshed order snapshot", () => {
  it("gives each product its catalog thumbnail, reading each distinct product once", async () => {
    const order = shop.createOrder({
      products: [
        { name: "Mug, red", sku: "MUG-R", price: 10, productId: 7001 },
        { name: "Mug, blue", sku: "MUG-B", price: 10, productId: 7001 },
        { name: "Teapot", sku: "TP", price: 30, productId: 7002 },
      ],
    });
    const saved = await refreshOrderSnapshot(db(), store.id, order.id);
    expect(saved).not.toBeNull();
    const products = await storedProducts(order.id);
    expect(products.map((product) => product.image_url)).toEqual([`${emulator.url}/images/7001.svg`, `${emulator.url}/images/7001.svg`, `${emulator.url}/images/7002.svg`]);
    expect(imageRequests(7001)).toBe(1);
    expect(imageRequests(7002)).toBe(1);

    // The URL is one a browser can load.
    const picture = await fetch(products[0]!.image_url!);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/svg+xml");
    expect(await picture.text()).toMatch(/^<svg /);
  });

  it("still refreshes when a product's images cannot be read, leaving that product without a picture", async () => {
    const order = shop.createOrder({
      products: [
        { name: "Lamp", sku: "L", price: 25, productId: 7101 },
        { name: "Shade", sku: "S", price: 5, productId: 7102 },
      ],
    });
    shop.failNext(/^\/v3\/catalog\/products\/7101\/images$/, 500);
    const saved = await refreshOrderSnapshot(db(), store.id, order.id);
    expect(saved?.bundle.order.id).toBe(order.id);
    const products = await storedProducts(order.id);
    expect(products.map((product) => [product.name, product.image_url])).toEqual([
      ["Lamp", null],
      ["Shade", `${emulator.url}/images/7102.svg`],
    ]);
    // A product unknown to the catalog (404) is no failure either.
    const client = (await bigcommerceClientForStore(db(), store.id))!;
    await expect(client.getProductImages(999_999)).rejects.toMatchObject({ status: 404 });
  });

  it("reads an unchanged order in one request, keeping the pictures it had", async () => {
    const order = shop.createOrder({ products: [{ name: "Vase", sku: "V", price: 40, productId: 7201 }] });
    const saved = (await refreshOrderSnapshot(db(), store.id, order.id))!;
    const client = (await bigcommerceClientForStore(db(), store.id))!;
    const before = emulator.requests.length;
    const again = (await fetchOrderBundle(client, order.id, { bundle: saved.bundle, dateModified: new Date(saved.bundle.order.date_modified) }))!;
    expect(emulator.requests.length - before).toBe(1);
    expect(again.products[0]!.image_url).toBe(`${emulator.url}/images/7201.svg`);
    expect(imageRequests(7201)).toBe(1);
  });
});
