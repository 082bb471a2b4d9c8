import { describe, expect, it } from "vitest";
import type { OrderBundle } from "./order-bundle.ts";
import { formatMoney, orderSummary, orderTicketSubject } from "./order-summary.ts";

const bundle: OrderBundle = {
  order: {
    id: 123,
    customer_id: 7,
    date_created: "Sat, 15 Mar 2025 14:30:00 +0000",
    date_modified: "Sat, 15 Mar 2025 14:30:00 +0000",
    status_id: 7,
    status: "Awaiting Payment",
    total_inc_tax: "109.9800",
    currency_code: "USD",
    billing_address: { first_name: "Jane", last_name: "Doe", email: "jane@example.com" },
  },
  products: [
    { id: 1, order_id: 123, product_id: 987, name: "Premium Widget", sku: "PW-001", quantity: 2, total_inc_tax: "99.9800" },
    { id: 2, order_id: 123, product_id: 988, name: "Cable", sku: "", quantity: 1, total_inc_tax: "10.0000" },
  ],
  shippingAddresses: [{ id: 1, order_id: 123, city: "Austin", state: "Texas", country: "United States" }],
  shipments: [],
};

describe("order summary", () => {
  it("names the order and its first product in the subject", () => {
    expect(orderTicketSubject(bundle)).toBe("Order #123: Premium Widget and 1 more");
    expect(orderTicketSubject({ ...bundle, products: [] })).toBe("Order #123");
  });

  it("lists id, status, total, customer, products with SKUs", () => {
    const summary = orderSummary(bundle);
    expect(summary).toContain("Order #123 · Awaiting Payment · $109.98");
    expect(summary).toContain("Customer: Jane Doe <jane@example.com> (BigCommerce customer 7)");
    expect(summary).toContain("- 2 × Premium Widget (SKU PW-001) — $99.98");
    expect(summary).toContain("- 1 × Cable — $10.00");
    expect(summary).toContain("Ship to: Austin, Texas, United States");
  });

  it("formats money leniently", () => {
    expect(formatMoney("69.8400", "EUR")).toBe("€69.84");
    expect(formatMoney("12", "dollars")).toBe("12.00 dollars");
    expect(formatMoney("n/a", "USD")).toBeNull();
  });
});
