import { PermanentEventError } from "@/lib/inbound/inbound-event-types.ts";
import type { BigcommerceOrderMessage, BigcommerceShipment } from "../bigcommerce-types.ts";
import type { OrderBundle } from "./order-bundle.ts";
import { digest, id, record, requireId, seedOrderBundle, seedShipment, text, type Json } from "./read-seed-payload.ts";

/**
 * What a stored BigCommerce event asks Tern to do, whichever form it came in. Light webhooks
 * carry ids only (the processor reads the rest over the API); seed-form events carry the data.
 */
export type BigcommerceEvent =
  | {
      type: "order";
      orderId: number;
      bundle?: OrderBundle;
      /** statusUpdated: only the order's status moved, so its products and addresses need no re-read. */
      statusOnly?: boolean;
    }
  | { type: "refund"; orderId: number; refundKey: string; bundle?: OrderBundle; detail?: string }
  | { type: "shipment"; orderId: number; shipmentId: number | null; shipment?: BigcommerceShipment }
  | { type: "return"; orderId: number; returnKey: string; detail?: string }
  | {
      type: "orderMessage";
      orderId: number;
      messageId: number | null;
      /** Seed-form messages carry their text (and a key for dedupe); light ones are read over the API. */
      message?: Pick<BigcommerceOrderMessage, "message" | "subject" | "staff_id"> & { key: string };
    }
  | { type: "customer"; customerId: number }
  | { type: "customerDeleted"; customerId: number }
  | { type: "deliveryException" }
  | { type: "ignored"; reason: string };

// Light scopes Tern subscribes to but has nothing to do for, or leaves to another part of Tern.
const IGNORED_SCOPES = new Set(["store/app/uninstalled", "store/order/archived"]);

function readLight(scope: string, data: Json): BigcommerceEvent {
  switch (scope) {
    case "store/order/created":
    case "store/order/updated":
      return { type: "order", orderId: requireId(data.id, "order id") };
    case "store/order/statusUpdated":
      return { type: "order", orderId: requireId(data.id, "order id"), statusOnly: true };
    case "store/order/transaction/created":
    case "store/order/transaction/updated":
      return { type: "order", orderId: requireId(data.order_id ?? data.id, "order id") };
    case "store/cart/converted":
      return { type: "order", orderId: requireId(data.orderId ?? data.order_id, "order id") };
    case "store/order/message/created":
      return { type: "orderMessage", orderId: requireId(data.id, "order id"), messageId: id(record(data.message).order_message_id) ?? null };
    case "store/order/refund/created": {
      const refundId = id(record(data.refund).refund_id);
      return { type: "refund", orderId: requireId(data.id, "order id"), refundKey: refundId ? `refund:${refundId}` : `event:${digest(data)}` };
    }
    case "store/shipment/created":
    case "store/shipment/updated":
      return { type: "shipment", orderId: requireId(data.orderId ?? data.order_id, "order id"), shipmentId: id(data.id) ?? null };
    case "store/shipment/deleted":
      return { type: "order", orderId: requireId(data.orderId ?? data.order_id, "order id") };
    case "store/customer/created":
    case "store/customer/updated":
      return { type: "customer", customerId: requireId(data.id, "customer id") };
    case "store/customer/deleted":
      return { type: "customerDeleted", customerId: requireId(data.id, "customer id") };
    case "store/hook/deliveryException":
      return { type: "deliveryException" };
  }
  if (scope.startsWith("store/customer/address/")) return { type: "customer", customerId: requireId(record(data.address).customer_id, "customer id") };
  if (IGNORED_SCOPES.has(scope) || scope.startsWith("store/")) return { type: "ignored", reason: `Tern does not act on ${scope}` };
  throw new PermanentEventError(`Unknown webhook scope "${scope}"`);
}

function readSeed(event: string, data: Json): BigcommerceEvent {
  const orderId = () => requireId(data.order_id ?? data.id, "order id");
  switch (event) {
    case "order.created":
    case "order.updated":
      return { type: "order", orderId: orderId(), bundle: seedOrderBundle(data) };
    case "order.refund.requested": {
      const refundId = text(data.refund_id);
      const detail = [text(data.amount) && `amount ${text(data.amount)}`, text(data.reason)].filter(Boolean).join(", ") || undefined;
      return { type: "refund", orderId: orderId(), refundKey: refundId ? `refund:${refundId}` : `seed:${digest(data)}`, detail };
    }
    case "shipment.tracking.added": {
      const order = orderId();
      const shipment = seedShipment(order, data);
      if (!shipment.tracking_number) throw new PermanentEventError("shipment.tracking.added without a tracking_number");
      return { type: "shipment", orderId: order, shipmentId: shipment.id || null, shipment };
    }
    case "product.return.initiated": {
      const returnId = text(data.return_id);
      const items = Array.isArray(data.products ?? data.items)
        ? ((data.products ?? data.items) as unknown[]).map((item) => `${text(record(item).quantity) ?? 1} × ${text(record(item).name) ?? text(record(item).sku) ?? "item"}`)
        : [];
      const detail = [text(data.reason), items.length ? `Items: ${items.join(", ")}` : undefined].filter(Boolean).join("\n") || undefined;
      return { type: "return", orderId: orderId(), returnKey: returnId ? `seed:${returnId}` : `seed:${digest(data)}`, detail };
    }
    case "customer.message.received": {
      const body = text(data.message) ?? text(data.text) ?? text(data.body);
      if (!body) throw new PermanentEventError("customer.message.received without a message");
      const messageId = id(data.message_id ?? data.id);
      return {
        type: "orderMessage",
        orderId: requireId(data.order_id, "order id"),
        messageId: messageId ?? null,
        message: { key: messageId ? String(messageId) : `seed:${digest(data)}`, message: body, subject: text(data.subject) ?? "", staff_id: 0 },
      };
    }
  }
  throw new PermanentEventError(`Unknown event "${event}"`);
}

/** Reads a stored payload; a shape Tern does not know is a PermanentEventError (dead letter), never a crash. */
export function readBigcommerceEvent(payload: unknown): BigcommerceEvent {
  const body = record(payload);
  const data = record(body.data);
  if (typeof body.scope === "string") return readLight(body.scope, data);
  if (typeof body.event === "string") return readSeed(body.event, data);
  throw new PermanentEventError("Not a BigCommerce webhook: neither a `scope` nor an `event` field");
}
