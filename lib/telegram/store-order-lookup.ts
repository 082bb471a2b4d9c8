import type { BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import type { BigcommerceOrder } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { OrderStatusView } from "./bot-replies.ts";

/** Who an order or email belongs to in the store: what intake links the Telegram chat to. */
export type StorePerson = {
  /** BigCommerce customer id; null for a guest checkout. */
  bigcommerceCustomerId: number | null;
  email: string;
  name: string | null;
};

function nameOf(first: string | undefined, last: string | undefined): string | null {
  const name = [first, last].filter(Boolean).join(" ").trim();
  return name || null;
}

/** The order's buyer as the store knows them: its customer account, else the guest's billing details. */
export function personOfOrder(order: BigcommerceOrder): StorePerson | null {
  const email = order.billing_address.email?.trim().toLowerCase();
  if (!email) return null;
  return {
    bigcommerceCustomerId: order.customer_id > 0 ? order.customer_id : null,
    email,
    name: nameOf(order.billing_address.first_name, order.billing_address.last_name),
  };
}

/**
 * Whether the order was placed by this customer: by their BigCommerce account when they have one
 * (an email on an account's record is not proof of a guest order with that email), else by the
 * billing email of a guest.
 */
export function orderBelongsTo(order: BigcommerceOrder, customer: { bigcommerceCustomerId: number | null; email: string | null }): boolean {
  if (customer.bigcommerceCustomerId) return order.customer_id === customer.bigcommerceCustomerId;
  const email = order.billing_address.email?.trim().toLowerCase();
  return order.customer_id === 0 && Boolean(email && customer.email && email === customer.email.toLowerCase());
}

function shortDate(rfc2822: string | undefined): string | null {
  if (!rfc2822) return null;
  const time = Date.parse(rfc2822);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** The order's status and tracking as the store reports them. */
export async function orderStatusView(client: BigcommerceClient, order: BigcommerceOrder): Promise<OrderStatusView> {
  const shipments = await client.getOrderShipments(order.id);
  return {
    orderId: order.id,
    status: order.custom_status || order.status,
    dateShipped: shortDate(order.date_shipped),
    shipments: shipments.map((shipment) => ({
      carrier: shipment.tracking_carrier || shipment.shipping_provider || null,
      trackingNumber: shipment.tracking_number || null,
      trackingUrl: shipment.tracking_link || shipment.generated_tracking_link || null,
    })),
  };
}
