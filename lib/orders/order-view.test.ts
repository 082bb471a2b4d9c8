import { describe, expect, it } from "vitest";
import { orderSkus, toOrderView, type OrderSnapshotJson } from "./order-view.ts";

const snapshot: OrderSnapshotJson = {
  bigcommerceOrderId: 250,
  status: "Shipped",
  statusId: 2,
  currency: "USD",
  totalIncTax: "69.8400",
  order: {
    id: 250,
    date_created: "Tue, 05 Mar 2024 16:39:02 +0000",
    subtotal_inc_tax: "59.8400",
    shipping_cost_inc_tax: "10.0000",
    total_tax: "5.0000",
    discount_amount: "0.0000",
    refunded_amount: "19.9500",
    payment_method: "Credit Card",
    billing_address: { first_name: "Jane", last_name: "Doe", street_1: "1 Main St", city: "Austin", state: "Texas", zip: "78701", country: "United States", email: "jane@example.com" },
    shipping_addresses: [{ first_name: "Jane", last_name: "Doe", street_1: "2 Side St", city: "Austin", zip: "78702", country: "United States" }],
  },
  products: [
    { id: 11, name: "Orbit Terrarium", sku: "OTS-1", quantity: 2, quantity_refunded: 1, total_inc_tax: "39.9", image_url: "https://cdn.example/ots.jpg", product_options: [{ display_name: "Size", display_value: "Large" }] },
    { id: 12, name: "Gift wrap", sku: "", quantity: "1", image_url: "javascript:alert(1)" },
    "not a product",
  ],
  shipments: [{ id: 5, date_created: "Wed, 06 Mar 2024 10:00:00 +0000", tracking_number: "1Z999", shipping_provider: "ups", tracking_link: "", generated_tracking_link: "https://ups.example/1Z999" }],
};

describe("toOrderView", () => {
  it("reads BigCommerce V2 shapes: money to two decimals, RFC 2822 dates to ISO, addresses to lines", () => {
    const view = toOrderView(snapshot);
    expect(view).toMatchObject({
      orderId: 250,
      status: "Shipped",
      createdAt: "2024-03-05T16:39:02.000Z",
      subtotal: "59.84",
      shipping: "10.00",
      tax: "5.00",
      discount: null,
      total: "69.84",
      refunded: "19.95",
      billingAddress: { name: "Jane Doe", lines: ["1 Main St", "Austin, Texas, 78701", "United States"], email: "jane@example.com" },
      shippingAddresses: [{ name: "Jane Doe", lines: ["2 Side St", "Austin, 78702", "United States"] }],
    });
  });

  it("keeps a refunded quantity within what was ordered", () => {
    const view = toOrderView({ ...snapshot, products: [{ id: 1, name: "Mug", quantity: 2, quantity_refunded: 5 }, { id: 2, name: "Cup", quantity: 1, quantity_refunded: -3 }] });
    expect(view.items.map((item) => item.quantityRefunded)).toEqual([2, 0]);
  });

  it("lists products with SKU, image and options, skipping entries that are not products", () => {
    const { items } = toOrderView(snapshot);
    expect(items).toEqual([
      { id: "11", name: "Orbit Terrarium", sku: "OTS-1", quantity: 2, quantityRefunded: 1, total: "39.90", imageUrl: "https://cdn.example/ots.jpg", options: ["Size: Large"] },
      { id: "12", name: "Gift wrap", sku: null, quantity: 1, quantityRefunded: 0, total: null, imageUrl: null, options: [] },
    ]);
  });

  it("takes the generated tracking link when the store gave none, and only http(s) links", () => {
    expect(toOrderView(snapshot).shipments).toEqual([
      { id: "5", createdAt: "2024-03-06T10:00:00.000Z", carrier: "UPS", method: null, trackingNumber: "1Z999", trackingUrl: "https://ups.example/1Z999" },
    ]);
  });

  it("survives an empty or malformed snapshot", () => {
    const view = toOrderView({ bigcommerceOrderId: 1, status: null, statusId: null, currency: null, totalIncTax: null, order: "garbage", products: {}, shipments: null });
    expect(view).toMatchObject({ orderId: 1, items: [], shipments: [], billingAddress: null, shippingAddresses: [], total: null, refunded: null, createdAt: null });
  });
});

describe("orderSkus", () => {
  it("collects distinct non-empty SKUs", () => {
    expect(orderSkus([{ sku: "A" }, { sku: "A" }, { sku: "" }, { name: "no sku" }, { sku: "B" }])).toEqual(["A", "B"]);
    expect(orderSkus(null)).toEqual([]);
  });
});
