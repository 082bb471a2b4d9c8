import { createHash } from "node:crypto";
import { PermanentEventError } from "@/lib/inbound/inbound-event-types.ts";
import { ORDER_STATUS_NAMES, type BigcommerceOrder, type BigcommerceOrderProduct, type BigcommerceShipment } from "../bigcommerce-types.ts";
import type { OrderBundle } from "./order-bundle.ts";

/**
 * The full-payload form of the seed (`{ "event": "order.created", "data": { …order… } }`), turned
 * into the shapes BigCommerce's REST API returns, so everything after parsing has one shape.
 * Lenient on purpose: numbers may be strings, optional fields may be missing.
 */

export type Json = Record<string, unknown>;

export function record(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A positive integer id from a number or a numeric string. */
export function id(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

export function requireId(value: unknown, what: string): number {
  const parsed = id(value);
  if (parsed === undefined) throw new PermanentEventError(`The event has no usable ${what} (got ${JSON.stringify(value) ?? "nothing"})`);
  return parsed;
}

/** A stable key for a payload that carries no id of its own: the same payload always gives the same key. */
export function digest(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value) ?? "").digest("hex").slice(0, 16);
}

function moneyText(value: unknown): string | undefined {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number.toFixed(4) : undefined;
}

function rfc2822(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? raw : date.toUTCString().replace("GMT", "+0000");
}

const STATUS_IDS = new Map(Object.entries(ORDER_STATUS_NAMES).map(([statusId, name]) => [name.toLowerCase(), Number(statusId)]));

function statusOf(data: Json): { statusId: number; status: string } {
  const given = text(data.status);
  const statusId = id(data.status_id) ?? (data.status_id === 0 ? 0 : undefined);
  if (statusId !== undefined) return { statusId, status: given ?? ORDER_STATUS_NAMES[statusId] ?? "Unknown" };
  const name = given?.replace(/[_-]+/g, " ").toLowerCase();
  const known = name === undefined ? undefined : STATUS_IDS.get(name);
  if (known !== undefined) return { statusId: known, status: ORDER_STATUS_NAMES[known]! };
  // A status the seed names but BigCommerce does not have: keep its words, count it as Pending.
  return { statusId: 1, status: given ?? "Pending" };
}

function products(orderId: number, value: unknown): BigcommerceOrderProduct[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry, index) => {
    const product = record(entry);
    const quantity = id(product.quantity) ?? 1;
    const price = moneyText(product.price ?? product.price_inc_tax ?? product.base_price);
    const total = moneyText(product.total_inc_tax) ?? (price === undefined ? undefined : (Number(price) * quantity).toFixed(4));
    return {
      ...product,
      id: id(product.id) ?? index + 1,
      order_id: orderId,
      product_id: id(product.product_id ?? product.id) ?? 0,
      name: text(product.name) ?? "Product",
      sku: text(product.sku) ?? "",
      quantity,
      base_price: price,
      price_inc_tax: price,
      total_inc_tax: total,
    };
  });
}

/** The seed's order payload as a bundle (no shipments or addresses unless it carries them). */
export function seedOrderBundle(data: Json): OrderBundle {
  const orderId = requireId(data.id ?? data.order_id, "order id");
  const billing = record(data.billing_address);
  const customer = record(data.customer);
  const email = text(data.email) ?? text(billing.email) ?? text(customer.email);
  const name = text(data.customer_name) ?? text(customer.name);
  const [firstName, ...lastNames] = (name ?? "").split(/\s+/);
  const { statusId, status } = statusOf(data);
  const order: BigcommerceOrder = {
    ...data,
    id: orderId,
    customer_id: id(data.customer_id) ?? 0,
    date_created: rfc2822(data.date_created) ?? new Date().toUTCString().replace("GMT", "+0000"),
    date_modified: rfc2822(data.date_modified) ?? "",
    status_id: statusId,
    status,
    total_inc_tax: moneyText(data.total_inc_tax ?? data.total) ?? "0.0000",
    currency_code: text(data.currency_code ?? data.currency) ?? "USD",
    billing_address: {
      ...billing,
      first_name: text(billing.first_name) ?? text(customer.first_name) ?? (firstName || undefined),
      last_name: text(billing.last_name) ?? text(customer.last_name) ?? (lastNames.join(" ") || undefined),
      email,
    },
    customer_message: text(data.customer_message) ?? "",
  };
  delete order.products;
  delete order.shipping_addresses;
  return { order, products: products(orderId, data.products), shippingAddresses: [], shipments: [] };
}

/** The seed's shipment payload (`shipment.tracking.added`) as a BigCommerce shipment. */
export function seedShipment(orderId: number, data: Json): BigcommerceShipment {
  const trackingNumber = text(data.tracking_number) ?? "";
  return {
    ...data,
    id: id(data.shipment_id ?? data.id) ?? 0,
    order_id: orderId,
    date_created: rfc2822(data.date_created ?? data.shipped_at ?? data.shipment_date) ?? new Date().toUTCString().replace("GMT", "+0000"),
    tracking_number: trackingNumber,
    tracking_carrier: text(data.tracking_carrier ?? data.carrier) ?? "",
    shipping_provider: text(data.shipping_provider ?? data.carrier) ?? "",
    tracking_link: text(data.tracking_link ?? data.tracking_url) ?? "",
    items: [],
  };
}
