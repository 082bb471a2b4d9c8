import { describe, expect, it } from "vitest";
import { orderTemplateValues } from "./order-template-variables.ts";
import { renderTemplate } from "./render-template.ts";

const snapshot = {
  bigcommerceOrderId: 123,
  status: "Shipped",
  statusId: 2,
  totalIncTax: "109.9800",
  currency: "USD",
  order: {
    date_created: "Sat, 15 Mar 2025 14:30:00 +0000",
    billing_address: { first_name: "Jane", last_name: "Doe", email: "jane@example.com" },
  },
  shipments: [
    { id: 1, date_created: "Mon, 17 Mar 2025 09:00:00 +0000", tracking_number: "", tracking_carrier: "" },
    { id: 2, date_created: "Tue, 18 Mar 2025 09:00:00 +0000", tracking_number: "1Z999", tracking_carrier: "ups", tracking_link: "" },
  ],
};

const SEED_TEMPLATE =
  "Thank you for your inquiry regarding order #[order_id]. Your shipment was last updated on [shipment_date] and is currently [shipment_status]. You can track it here: [tracking_url]";

describe("orderTemplateValues", () => {
  it("fills the seed's shipment template from the latest tracked shipment", () => {
    const values = orderTemplateValues({ ticket: { number: 42 }, snapshot });
    expect(values).toMatchObject({
      order_id: "123",
      order_status: "Shipped",
      order_total: "$109.98",
      order_date: "March 15, 2025",
      shipment_date: "March 18, 2025",
      shipment_status: "shipped",
      tracking_number: "1Z999",
      tracking_url: "https://www.ups.com/track?tracknum=1Z999",
      carrier: "UPS",
      customer_name: "Jane Doe",
      customer_email: "jane@example.com",
      ticket_number: "42",
    });
    expect(renderTemplate(SEED_TEMPLATE, values)).toEqual({
      ok: true,
      text: "Thank you for your inquiry regarding order #123. Your shipment was last updated on March 18, 2025 and is currently shipped. You can track it here: https://www.ups.com/track?tracknum=1Z999",
    });
  });

  it("leaves shipment variables empty without a shipment, so the template is refused", () => {
    const values = orderTemplateValues({ ticket: { number: 1 }, snapshot: { ...snapshot, shipments: [] } });
    expect(values.tracking_url).toBeUndefined();
    const result = renderTemplate(SEED_TEMPLATE, values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.missing).toEqual(["shipment_date", "shipment_status", "tracking_url"]);
  });

  it("falls back to the ticket's customer and has no order values without a snapshot", () => {
    const values = orderTemplateValues({ ticket: { number: 5, customer: { name: "Tom", email: "tom@example.com" } }, snapshot: null });
    expect(values).toMatchObject({ customer_name: "Tom", customer_email: "tom@example.com", ticket_number: "5" });
    expect(values.order_id).toBeUndefined();
  });

  it("uses the store's time zone and never a non-http tracking link", () => {
    const values = orderTemplateValues({
      ticket: { number: 1 },
      snapshot: { ...snapshot, shipments: [{ id: 9, date_created: "Tue, 18 Mar 2025 23:30:00 +0000", tracking_number: "X1", tracking_carrier: "acme", tracking_link: "javascript:alert(1)" }] },
      timeZone: "Asia/Tokyo",
    });
    expect(values.shipment_date).toBe("March 19, 2025");
    expect(values.tracking_url).toBeUndefined();
    expect(values.carrier).toBe("acme");
  });
});
