import { z } from "zod";
import { carrierName, trackingUrl } from "@/lib/templates/order-template-variables.ts";

/**
 * What the order sidebar shows, read from an OrderSnapshot's JSON (BigCommerce V2 shapes: money
 * as strings, dates as RFC 2822). Pure and forgiving: a field BigCommerce left out, or a shape
 * that changed, shows as missing instead of breaking the inbox.
 */

export type OrderAddress = { name: string; lines: string[]; email: string | null; phone: string | null };

export type OrderItem = {
  id: string;
  name: string;
  sku: string | null;
  quantity: number;
  /** Units BigCommerce already refunded: a refund can take at most quantity − quantityRefunded. */
  quantityRefunded: number;
  total: string | null;
  imageUrl: string | null;
  options: string[];
};

export type OrderShipment = {
  id: string;
  createdAt: string | null;
  carrier: string | null;
  method: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
};

export type OrderView = {
  orderId: number;
  status: string | null;
  statusId: number | null;
  createdAt: string | null;
  currency: string | null;
  subtotal: string | null;
  shipping: string | null;
  tax: string | null;
  discount: string | null;
  total: string | null;
  /** What BigCommerce has refunded on the order so far. */
  refunded: string | null;
  paymentMethod: string | null;
  customerMessage: string | null;
  items: OrderItem[];
  billingAddress: OrderAddress | null;
  shippingAddresses: OrderAddress[];
  shipments: OrderShipment[];
};

export type OrderSnapshotJson = {
  bigcommerceOrderId: number;
  status: string | null;
  statusId: number | null;
  currency: string | null;
  totalIncTax: string | null;
  order: unknown;
  products: unknown;
  shipments: unknown;
};

const text = z.union([z.string(), z.number()]).transform(String).nullish().catch(null);
const money = z
  .union([z.string(), z.number()])
  .transform((value) => {
    const number = Number(value);
    return Number.isFinite(number) ? number.toFixed(2) : null;
  })
  .nullish()
  .catch(null);

const addressSchema = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  email: text,
  phone: text,
});

const orderSchema = z.looseObject({
  date_created: text,
  currency_code: text,
  subtotal_inc_tax: money,
  shipping_cost_inc_tax: money,
  total_tax: money,
  discount_amount: money,
  total_inc_tax: money,
  refunded_amount: money,
  payment_method: text,
  customer_message: text,
  billing_address: addressSchema.nullish().catch(null),
  shipping_addresses: z.array(addressSchema.catch({})).nullish().catch(null),
});

const productSchema = z.looseObject({
  id: text,
  name: text,
  sku: text,
  quantity: z.coerce.number().catch(1),
  quantity_refunded: z.coerce.number().catch(0),
  total_inc_tax: money,
  image_url: text,
  imageUrl: text,
  product_options: z.array(z.looseObject({ display_name: text, display_value: text })).nullish().catch(null),
});

const shipmentSchema = z.looseObject({
  id: text,
  date_created: text,
  shipping_provider: text,
  tracking_carrier: text,
  shipping_method: text,
  tracking_number: text,
  tracking_link: text,
  generated_tracking_link: text,
});

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toAddress(address: z.infer<typeof addressSchema> | null | undefined): OrderAddress | null {
  if (!address) return null;
  const name = [address.first_name, address.last_name].filter(Boolean).join(" ");
  const cityLine = [address.city, address.state, address.zip].filter(Boolean).join(", ");
  const lines = [address.company, address.street_1, address.street_2, cityLine, address.country].filter((line): line is string => Boolean(line));
  if (!name && lines.length === 0) return null;
  return { name, lines, email: address.email ?? null, phone: address.phone ?? null };
}

/** Only http(s) links reach an href: a snapshot is outside data. */
function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function arrayOf<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export function toOrderView(snapshot: OrderSnapshotJson): OrderView {
  const parsed = orderSchema.safeParse(snapshot.order);
  const order = parsed.success ? parsed.data : orderSchema.parse({});
  return {
    orderId: snapshot.bigcommerceOrderId,
    status: snapshot.status,
    statusId: snapshot.statusId,
    createdAt: isoDate(order.date_created),
    currency: snapshot.currency ?? order.currency_code ?? null,
    subtotal: order.subtotal_inc_tax ?? null,
    shipping: order.shipping_cost_inc_tax ?? null,
    tax: order.total_tax ?? null,
    discount: order.discount_amount && Number(order.discount_amount) !== 0 ? order.discount_amount : null,
    total: money.parse(snapshot.totalIncTax) ?? order.total_inc_tax ?? null,
    refunded: order.refunded_amount ?? null,
    paymentMethod: order.payment_method ?? null,
    customerMessage: order.customer_message || null,
    items: arrayOf(snapshot.products, productSchema).map((product, index) => ({
      id: product.id ?? String(index),
      name: product.name ?? "Product",
      sku: product.sku || null,
      quantity: product.quantity,
      quantityRefunded: Math.min(product.quantity, Math.max(0, product.quantity_refunded)),
      total: product.total_inc_tax ?? null,
      imageUrl: safeUrl(product.image_url ?? product.imageUrl),
      options: (product.product_options ?? []).flatMap((option) =>
        option.display_name && option.display_value ? [`${option.display_name}: ${option.display_value}`] : [],
      ),
    })),
    billingAddress: toAddress(order.billing_address),
    shippingAddresses: (order.shipping_addresses ?? []).map(toAddress).filter((address): address is OrderAddress => address !== null),
    shipments: arrayOf(snapshot.shipments, shipmentSchema).map((shipment, index) => ({
      id: shipment.id ?? String(index),
      createdAt: isoDate(shipment.date_created),
      // The same carrier name and tracking link the [carrier] and [tracking_url] variables fill in.
      carrier: carrierName(shipment) ?? null,
      method: shipment.shipping_method ?? null,
      trackingNumber: shipment.tracking_number || null,
      trackingUrl: trackingUrl(shipment) ?? null,
    })),
  };
}

/** SKUs of the order's products: what knowledge-base suggestions rank by. */
export function orderSkus(products: unknown): string[] {
  return [...new Set(arrayOf(products, productSchema).flatMap((product) => (product.sku ? [product.sku] : [])))];
}
