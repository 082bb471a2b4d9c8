import { describe, expect, it } from "vitest";
import type { OrderActionPermissions } from "@/lib/order-actions/order-action-permissions.ts";
import type { OrderView } from "@/lib/orders/order-view.ts";
import { orderActionAvailability } from "./order-action-availability.ts";

const agent: OrderActionPermissions = { refund: true, cancel: false, resendTracking: true, approve: false };
const supervisor: OrderActionPermissions = { refund: true, cancel: true, resendTracking: true, approve: true };

function order(overrides: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 100,
    status: "Awaiting Fulfillment",
    statusId: 11,
    createdAt: null,
    currency: "USD",
    subtotal: "59.75",
    shipping: "6.50",
    tax: null,
    discount: null,
    total: "66.25",
    refunded: "0.00",
    paymentMethod: null,
    customerMessage: null,
    items: [
      { id: "7", name: "Orbit Terrarium", sku: "OTS-L", quantity: 1, quantityRefunded: 0, total: "39.90", imageUrl: null, options: [] },
      { id: "8", name: "Moss refill pack", sku: "MOSS-3", quantity: 2, quantityRefunded: 1, total: "19.90", imageUrl: null, options: [] },
    ],
    billingAddress: null,
    shippingAddresses: [],
    shipments: [],
    ...overrides,
  };
}

const shipment = (id: string, trackingNumber: string | null) => ({ id, createdAt: null, carrier: "UPS", method: null, trackingNumber, trackingUrl: null });

describe("orderActionAvailability", () => {
  it("offers a refund of what is left: units not yet refunded, the total less what was refunded", () => {
    const available = orderActionAvailability(order({ refunded: "9.95" }), agent);
    expect(available.refund).toBe(true);
    expect(available.refundable).toBe("56.30");
    expect(available.refundableItems).toEqual([
      { id: 7, name: "Orbit Terrarium", sku: "OTS-L", left: 1, quantity: 1, unitTotal: "39.90" },
      { id: 8, name: "Moss refill pack", sku: "MOSS-3", left: 1, quantity: 2, unitTotal: "9.95" },
    ]);
  });

  it("offers no refund on an order refunded in full, unpaid, or with nothing left", () => {
    expect(orderActionAvailability(order({ statusId: 4 }), supervisor).refund).toBe(false);
    expect(orderActionAvailability(order({ statusId: 7 }), supervisor).refund).toBe(false);
    expect(orderActionAvailability(order({ refunded: "66.25", statusId: 14 }), supervisor).refund).toBe(false);
    expect(orderActionAvailability(order({ refunded: "10.00", statusId: 14 }), supervisor).refund).toBe(true);
  });

  it("offers cancelling only to supervisors, and only before the order ships or closes", () => {
    expect(orderActionAvailability(order(), agent).cancel).toBe(false);
    expect(orderActionAvailability(order(), supervisor).cancel).toBe(true);
    for (const statusId of [2, 3, 4, 5, 6, 10]) expect(orderActionAvailability(order({ statusId }), supervisor).cancel).toBe(false);
    expect(orderActionAvailability(order({ shipments: [shipment("1", null)] }), supervisor).cancel).toBe(false);
  });

  it("offers resending tracking only with a tracked shipment, the latest one", () => {
    expect(orderActionAvailability(order(), agent).resendTracking).toBe(false);
    expect(orderActionAvailability(order({ shipments: [shipment("1", null)] }), agent).resendTracking).toBe(false);
    const available = orderActionAvailability(order({ statusId: 2, shipments: [shipment("1", "1Z1"), shipment("2", "1Z2"), shipment("3", null)] }), agent);
    expect(available.resendTracking).toBe(true);
    expect(available.trackedShipment?.trackingNumber).toBe("1Z2");
    expect(orderActionAvailability(order({ shipments: [shipment("1", "1Z1")] }), { ...agent, resendTracking: false }).resendTracking).toBe(false);
  });
});
