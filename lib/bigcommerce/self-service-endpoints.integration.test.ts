import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { isBigcommerceApiError } from "./bigcommerce-api-error.ts";
import { createBigcommerceClient, type BigcommerceClient } from "./bigcommerce-client.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";

// The endpoints Telegram self-service uses, through Tern's production client against the
// emulator: catalog search, carts and their checkout links, an order's shipping address, a
// customer's phone. Their answers and their refusals, in BigCommerce's shapes.

let emulator: BigcommerceEmulator;
let counter = 0;

function freshStore(): { shop: EmulatedStore; client: BigcommerceClient } {
  const shop = emulator.store(`self-service-${(counter += 1)}`);
  return { shop, client: createBigcommerceClient({ apiUrl: emulator.url, storeHash: shop.hash, accessToken: shop.accessToken, gate: new RateLimitGate(), maxRateLimitRetries: 0 }) };
}

async function failure(call: Promise<unknown>): Promise<{ status: number; detail: string }> {
  try {
    await call;
  } catch (error) {
    if (isBigcommerceApiError(error)) return { status: error.status, detail: error.detail };
    throw error;
  }
  throw new Error("the call succeeded");
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

describe("GET /v3/catalog/products?keyword=", () => {
  it("finds visible products by name or SKU, with variants, stock and the picture", async () => {
    const { shop, client } = freshStore();
    shop.catalog.addProduct({ name: "Hidden terrarium", sku: "HID-1", price: 5, inventory: 3, visible: false });
    const byName = await client.searchProducts("terrarium", 5);
    expect(byName.map((product) => product.sku).sort()).toEqual(["OTS-L", "OTS-S"]);
    const large = byName.find((product) => product.sku === "OTS-L")!;
    expect(large).toMatchObject({ name: "Orbit Terrarium, large", price: 39.9, inventory_tracking: "product", inventory_level: 14, is_visible: true });
    expect(large.variants).toHaveLength(1);
    expect(large.variants![0]).toMatchObject({ product_id: large.id, sku: "OTS-L", option_values: [] });
    expect(large.primary_image?.url_standard).toBe(`${emulator.url}/images/${large.id}.svg`);

    const bySku = await client.searchProducts("fern-3", 5);
    expect(bySku).toHaveLength(1);
    expect(bySku[0]!.variants!.map((variant) => variant.option_values[0]?.label)).toEqual(["Green", "Variegated"]);
    expect(await client.searchProducts("no such thing", 5)).toEqual([]);
    // The picture is served where the product says.
    expect((await fetch(large.primary_image!.url_standard!)).headers.get("content-type")).toContain("svg");
  });

  it("pages with limit", async () => {
    const { client } = freshStore();
    expect(await client.searchProducts("o", 2)).toHaveLength(2);
  });
});

describe("POST /v3/carts and /redirect_urls", () => {
  it("makes a customer's cart and its single-use checkout links", async () => {
    const { shop, client } = freshStore();
    const shopper = shop.createCustomer({ email: "cart@example.com", firstName: "Cara", lastName: "Tt" }, { silent: true });
    const [product] = await client.searchProducts("OTS-L", 1);
    const cart = await client.createCart({ customerId: shopper.id, lineItems: [{ product_id: product!.id, variant_id: product!.variants![0]!.id, quantity: 2 }] });
    expect(cart).toMatchObject({ customer_id: shopper.id, channel_id: 1, email: "cart@example.com", currency: { code: "USD" }, cart_amount: 79.8, base_amount: 79.8 });
    expect(cart.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(cart.line_items.physical_items).toEqual([expect.objectContaining({ product_id: product!.id, sku: "OTS-L", quantity: 2, list_price: 39.9, extended_sale_price: 79.8 })]);
    const urls = await client.createCartRedirectUrls(cart.id);
    expect(urls.checkout_url).toBe(`https://${shop.hash}.example.com/cart.php?action=loadInCheckout&id=${cart.id}&token=${new URL(urls.checkout_url).searchParams.get("token")}`);
    expect(urls.cart_url).toContain("action=load&");
    expect(urls.embedded_checkout_url).toContain("embedded=1");
    // A guest's cart has no customer.
    expect((await client.createCart({ customerId: null, lineItems: [{ product_id: product!.id, quantity: 1 }] })).customer_id).toBe(0);
  });

  it("refuses unknown products, missing options, too little stock, bad quantities, unknown customers and carts", async () => {
    const { shop, client } = freshStore();
    const [small] = await client.searchProducts("OTS-S", 1);
    const [fern] = await client.searchProducts("FERN-3", 1);
    const line = (product_id: number, quantity = 1, variant_id?: number) => [{ product_id, quantity, ...(variant_id ? { variant_id } : {}) }];
    expect(await failure(client.createCart({ customerId: null, lineItems: line(999_999) }))).toEqual({ status: 404, detail: "Product with id 999999 not found" });
    expect(await failure(client.createCart({ customerId: null, lineItems: line(small!.id) }))).toEqual({ status: 422, detail: "Orbit Terrarium, small does not have sufficient stock" });
    expect((await failure(client.createCart({ customerId: null, lineItems: line(fern!.id) }))).detail).toContain("Missing option selections");
    const variegated = fern!.variants!.find((variant) => variant.sku === "FERN-3-V")!;
    expect((await failure(client.createCart({ customerId: null, lineItems: line(fern!.id, 4, variegated.id) }))).status).toBe(422);
    expect((await client.createCart({ customerId: null, lineItems: line(fern!.id, 3, variegated.id) })).cart_amount).toBe(63);
    expect((await failure(client.createCart({ customerId: null, lineItems: line(fern!.id, 0, variegated.id) }))).status).toBe(422);
    expect(await failure(client.createCart({ customerId: 424_242, lineItems: line(fern!.id, 1, variegated.id) }))).toEqual({ status: 422, detail: "Customer ID is not valid" });
    expect((await failure(client.createCartRedirectUrls("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect(shop.catalog.carts.size).toBe(1);
  });
});

describe("PUT /v2/orders/{id}/shipping_addresses/{id}", () => {
  it("changes the address, and answers 404 for another order's address or a missing order", async () => {
    const { shop, client } = freshStore();
    const order = shop.createOrder({ guest: { email: "ship@example.com", firstName: "Sh", lastName: "Ip" }, products: [{ name: "Boots", sku: "B-1", price: 10 }] }, { silent: true });
    const other = shop.createOrder({ guest: { email: "other@example.com", firstName: "Ot", lastName: "Her" }, products: [{ name: "Hat", sku: "H-1", price: 10 }] }, { silent: true });
    const [address] = await client.getOrderShippingAddresses(order.id);
    const [otherAddress] = await client.getOrderShippingAddresses(other.id);
    const updated = await client.updateOrderShippingAddress(order.id, address!.id, { street_1: "5 Quay Street", city: "Bristol", state: "", zip: "BS1 4DJ", country: "United Kingdom" });
    expect(updated).toMatchObject({ id: address!.id, order_id: order.id, street_1: "5 Quay Street", city: "Bristol", zip: "BS1 4DJ", country: "United Kingdom", email: "ship@example.com" });
    expect((await client.getOrderShippingAddresses(order.id))[0]!.street_1).toBe("5 Quay Street");
    expect((await failure(client.updateOrderShippingAddress(order.id, otherAddress!.id, { city: "Nowhere" }))).status).toBe(404);
    expect((await failure(client.updateOrderShippingAddress(999_999, address!.id, { city: "Nowhere" }))).status).toBe(404);
    expect((await failure(client.updateOrderShippingAddress(order.id, address!.id, { city: "x".repeat(256) }))).status).toBe(400);
    expect((await client.getOrderShippingAddresses(other.id))[0]!.city).toBe("Austin");
  });
});

describe("PUT /v3/customers", () => {
  it("changes a customer's phone, and refuses an unknown customer or a bad phone with 422", async () => {
    const { shop, client } = freshStore();
    const shopper = shop.createCustomer({ email: "phone@example.com", firstName: "Pho", lastName: "Ne", phone: "+1 512 555 0100" }, { silent: true });
    const updated = await client.updateCustomer(shopper.id, { phone: "+44 20 7946 0958" });
    expect(updated).toMatchObject({ id: shopper.id, email: "phone@example.com", phone: "+44 20 7946 0958" });
    expect((await client.getCustomers({ ids: [shopper.id] }))[0]!.phone).toBe("+44 20 7946 0958");
    expect((await failure(client.updateCustomer(777_777, { phone: "+1 555 0100" }))).status).toBe(422);
    expect((await failure(client.updateCustomer(shopper.id, { phone: "9".repeat(51) }))).status).toBe(422);
  });
});
