import { describe, expect, it } from "vitest";
import { readBigcommerceEvent } from "./read-bigcommerce-event.ts";

const light = (scope: string, data: Record<string, unknown>) => ({ scope, store_id: 1025646, data, hash: "h", created_at: 1, producer: "stores/abc" });

describe("readBigcommerceEvent: light envelopes", () => {
  it("maps BigCommerce scopes onto the SPEC's events", () => {
    expect(readBigcommerceEvent(light("store/order/created", { type: "order", id: 250 }))).toEqual({ type: "order", orderId: 250 });
    expect(readBigcommerceEvent(light("store/order/statusUpdated", { type: "order", id: "251", status: { previous_status_id: 1, new_status_id: 2 } }))).toEqual({ type: "order", orderId: 251, statusOnly: true });
    expect(readBigcommerceEvent(light("store/order/transaction/created", { order_id: "252" }))).toEqual({ type: "order", orderId: 252 });
    expect(readBigcommerceEvent(light("store/order/refund/created", { type: "order", id: 253, refund: { refund_id: 9 } }))).toEqual({ type: "refund", orderId: 253, refundKey: "refund:9" });
    expect(readBigcommerceEvent(light("store/order/message/created", { type: "order", id: 254, message: { order_message_id: 3 } }))).toEqual({ type: "orderMessage", orderId: 254, messageId: 3 });
    expect(readBigcommerceEvent(light("store/shipment/created", { type: "shipment", id: 7, orderId: 255 }))).toEqual({ type: "shipment", orderId: 255, shipmentId: 7 });
    expect(readBigcommerceEvent(light("store/cart/converted", { type: "cart", id: "c0ffee", orderId: 256 }))).toEqual({ type: "order", orderId: 256 });
    expect(readBigcommerceEvent(light("store/customer/address/updated", { type: "customer", id: 5, address: { customer_id: 44 } }))).toEqual({ type: "customer", customerId: 44 });
    expect(readBigcommerceEvent(light("store/hook/deliveryException", { type: "webhook", id: 1, error_code: 90001 }))).toEqual({ type: "deliveryException" });
  });

  it("ignores store scopes Tern does not act on and refuses unknown ones and missing ids", () => {
    expect(readBigcommerceEvent(light("store/product/updated", { type: "product", id: 1 }))).toMatchObject({ type: "ignored" });
    expect(() => readBigcommerceEvent(light("something/else", {}))).toThrow(/Unknown webhook scope/);
    expect(() => readBigcommerceEvent(light("store/order/created", { type: "order" }))).toThrow(/no usable order id/);
    expect(() => readBigcommerceEvent(light("store/order/created", { id: -1 }))).toThrow(/PermanentEventError|no usable/);
  });
});

describe("readBigcommerceEvent: the seed's full-payload form", () => {
  it("reads order.created into BigCommerce's REST shapes", () => {
    const event = readBigcommerceEvent({
      event: "order.created",
      data: {
        id: 123456,
        customer_id: 78901,
        email: "customer@example.com",
        products: [{ id: 987, name: "Premium Widget", sku: "PW-001", quantity: 2, price: 49.99 }],
        total_inc_tax: 109.98,
        status: "awaiting_payment",
        date_created: "2025-03-15T14:30:00Z",
      },
    });
    expect(event.type).toBe("order");
    if (event.type !== "order") return;
    expect(event.bundle?.order).toMatchObject({
      id: 123456,
      customer_id: 78901,
      status_id: 7,
      status: "Awaiting Payment",
      total_inc_tax: "109.9800",
      date_created: "Sat, 15 Mar 2025 14:30:00 +0000",
      billing_address: { email: "customer@example.com" },
    });
    expect(event.bundle?.products).toEqual([
      expect.objectContaining({ id: 987, product_id: 987, name: "Premium Widget", sku: "PW-001", quantity: 2, price_inc_tax: "49.9900", total_inc_tax: "99.9800" }),
    ]);
  });

  it("reads the other seed events", () => {
    expect(readBigcommerceEvent({ event: "order.refund.requested", data: { order_id: 1, refund_id: "R1", amount: 5 } })).toEqual({ type: "refund", orderId: 1, refundKey: "refund:R1", detail: "amount 5" });
    expect(readBigcommerceEvent({ event: "shipment.tracking.added", data: { order_id: 2, tracking_number: "1Z", tracking_url: "https://t.example/1Z", carrier: "ups" } })).toMatchObject({
      type: "shipment",
      orderId: 2,
      shipment: { tracking_number: "1Z", tracking_link: "https://t.example/1Z", tracking_carrier: "ups" },
    });
    expect(readBigcommerceEvent({ event: "product.return.initiated", data: { order_id: 3, return_id: 8, reason: "Too big" } })).toEqual({ type: "return", orderId: 3, returnKey: "seed:8", detail: "Too big" });
    expect(readBigcommerceEvent({ event: "customer.message.received", data: { order_id: 4, message_id: 6, message: "Hello?" } })).toMatchObject({
      type: "orderMessage",
      orderId: 4,
      message: { key: "6", message: "Hello?" },
    });
  });

  it("gives payloads without ids stable keys, the same payload always the same key", () => {
    const a = readBigcommerceEvent({ event: "product.return.initiated", data: { order_id: 3, reason: "x" } });
    const b = readBigcommerceEvent({ event: "product.return.initiated", data: { order_id: 3, reason: "x" } });
    const c = readBigcommerceEvent({ event: "product.return.initiated", data: { order_id: 3, reason: "y" } });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("refuses what it cannot use", () => {
    expect(() => readBigcommerceEvent({ event: "order.teleported", data: {} })).toThrow(/Unknown event/);
    expect(() => readBigcommerceEvent({ event: "shipment.tracking.added", data: { order_id: 1 } })).toThrow(/tracking_number/);
    expect(() => readBigcommerceEvent({ event: "customer.message.received", data: { order_id: 1 } })).toThrow(/without a message/);
    expect(() => readBigcommerceEvent({ hello: 1 })).toThrow(/Not a BigCommerce webhook/);
    expect(() => readBigcommerceEvent("nope")).toThrow(/Not a BigCommerce webhook/);
  });
});
