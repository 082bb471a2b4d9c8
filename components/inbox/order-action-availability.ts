import type { OrderActionPermissions } from "@/lib/order-actions/order-action-permissions.ts";
import type { OrderView } from "@/lib/orders/order-view.ts";

// BigCommerce order status ids (docs/APIS: 0 Incomplete … 14 Partially Refunded).
const NOTHING_PAID = [0, 6, 7]; // Incomplete, Declined, Awaiting Payment
const REFUNDED = 4;
// Past these an order has left the warehouse or is closed: cancelling is no longer the answer.
const NOT_CANCELLABLE = [2, 3, 4, 5, 6, 10]; // Shipped, Partially Shipped, Refunded, Cancelled, Declined, Completed

export type RefundableItem = { id: number; name: string; sku: string | null; left: number; quantity: number; unitTotal: string | null };

export type OrderActionAvailability = {
  refund: boolean;
  cancel: boolean;
  resendTracking: boolean;
  /** What is left to refund on the order (its total less what BigCommerce already refunded), when known. */
  refundable: string | null;
  /** Products with units left to refund: the refund dialog's lines. */
  refundableItems: RefundableItem[];
  /** The shipment a resend would send (the latest with a tracking number). */
  trackedShipment: OrderView["shipments"][number] | null;
};

function refundableAmount(order: OrderView): string | null {
  if (order.total === null) return null;
  const left = Math.round((Number(order.total) - Number(order.refunded ?? 0)) * 100) / 100;
  return Math.max(0, left).toFixed(2);
}

/**
 * Which order actions the sidebar offers, from what the order snapshot says and what the viewer's
 * role allows. Only a guide for the buttons: the server decides again on every request.
 */
export function orderActionAvailability(order: OrderView, permissions: OrderActionPermissions): OrderActionAvailability {
  const refundable = refundableAmount(order);
  const refundableItems = order.items.flatMap((item) => {
    const id = Number(item.id);
    const left = item.quantity - item.quantityRefunded;
    if (!Number.isInteger(id) || left <= 0) return [];
    const unitTotal = item.total === null || item.quantity <= 0 ? null : (Number(item.total) / item.quantity).toFixed(2);
    return [{ id, name: item.name, sku: item.sku, left, quantity: item.quantity, unitTotal }];
  });
  const trackedShipment = order.shipments.filter((shipment) => shipment.trackingNumber).at(-1) ?? null;
  const status = order.statusId;
  return {
    refund: permissions.refund && status !== REFUNDED && !(status !== null && NOTHING_PAID.includes(status)) && (refundable === null || Number(refundable) > 0),
    cancel: permissions.cancel && !(status !== null && NOT_CANCELLABLE.includes(status)) && order.shipments.length === 0,
    resendTracking: permissions.resendTracking && trackedShipment !== null,
    refundable,
    refundableItems,
    trackedShipment,
  };
}
