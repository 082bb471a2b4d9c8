import type { TemplateValues } from "./render-template.ts";

/**
 * The `[variables]` a ticket's order fills: from the ticket, its OrderSnapshot and one shipment.
 * Pure. A value the order does not have stays undefined, so renderTemplate refuses the template
 * rather than sending a blank. `agent_name` is the composer's to add.
 */

type Json = Record<string, unknown>;

export type OrderTemplateInput = {
  ticket: { number: number; customer?: { name: string | null; email: string | null } | null };
  snapshot: {
    bigcommerceOrderId: number;
    status: string | null;
    statusId?: number | null;
    totalIncTax: { toString(): string } | string | number | null;
    currency: string | null;
    order: unknown;
    shipments: unknown;
  } | null;
  /** The shipment to describe; by default the latest one with a tracking number, else the latest. */
  shipmentId?: number | string;
  /** The store's time zone for dates. */
  timeZone?: string;
};

const CARRIER_NAMES: Record<string, string> = { ups: "UPS", usps: "USPS", fedex: "FedEx", dhl: "DHL", auspost: "Australia Post", royalmail: "Royal Mail", canadapost: "Canada Post" };

const CARRIER_TRACKING: Record<string, (number: string) => string> = {
  ups: (number) => `https://www.ups.com/track?tracknum=${number}`,
  usps: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`,
  fedex: (number) => `https://www.fedex.com/fedextrack/?trknbr=${number}`,
  dhl: (number) => `https://www.dhl.com/en/express/tracking.html?AWB=${number}`,
};

function record(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function formatDate(value: unknown, timeZone: string | undefined): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: timeZone || "UTC" }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
  }
}

function formatTotal(amount: { toString(): string } | null, currency: string | null): string | undefined {
  if (amount === null) return undefined;
  const value = Number(String(amount));
  if (!Number.isFinite(value)) return undefined;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency || "USD" }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency ?? ""}`.trim();
  }
}

function httpUrl(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function pickShipment(shipments: unknown, shipmentId: number | string | undefined): Json | undefined {
  const list = Array.isArray(shipments) ? shipments.map(record) : [];
  if (shipmentId !== undefined) return list.find((shipment) => String(shipment.id) === String(shipmentId));
  const tracked = list.filter((shipment) => text(shipment.tracking_number));
  return (tracked.length ? tracked : list).at(-1);
}

export function carrierName(shipment: Json): string | undefined {
  const carrier = text(shipment.tracking_carrier) ?? text(shipment.shipping_provider);
  if (!carrier) return undefined;
  return CARRIER_NAMES[carrier.toLowerCase()] ?? carrier;
}

export function trackingUrl(shipment: Json): string | undefined {
  const given = httpUrl(shipment.tracking_link) ?? httpUrl(shipment.generated_tracking_link);
  if (given) return given;
  const number = text(shipment.tracking_number);
  const carrier = (text(shipment.tracking_carrier) ?? text(shipment.shipping_provider))?.toLowerCase();
  const build = carrier ? CARRIER_TRACKING[carrier] : undefined;
  return number && build ? build(encodeURIComponent(number)) : undefined;
}

export function orderTemplateValues(input: OrderTemplateInput): TemplateValues {
  const { ticket, snapshot } = input;
  const order = record(snapshot?.order);
  const billing = record(order.billing_address);
  const shipment = snapshot ? pickShipment(snapshot.shipments, input.shipmentId) : undefined;
  const billingName = [text(billing.first_name), text(billing.last_name)].filter(Boolean).join(" ") || undefined;
  const statusId = snapshot?.statusId ?? (typeof order.status_id === "number" ? order.status_id : undefined);
  return {
    ticket_number: String(ticket.number),
    customer_name: billingName ?? ticket.customer?.name ?? undefined,
    customer_email: text(billing.email) ?? ticket.customer?.email ?? undefined,
    order_id: snapshot ? String(snapshot.bigcommerceOrderId) : undefined,
    order_status: snapshot ? (snapshot.status ?? text(order.custom_status) ?? text(order.status)) : undefined,
    order_total: snapshot ? formatTotal(snapshot.totalIncTax ?? text(order.total_inc_tax) ?? null, snapshot.currency ?? text(order.currency_code) ?? null) : undefined,
    order_date: formatDate(order.date_created, input.timeZone),
    shipment_date: shipment ? formatDate(shipment.date_created, input.timeZone) : undefined,
    shipment_status: shipment ? (statusId === 3 ? "partially shipped" : "shipped") : undefined,
    tracking_number: shipment ? text(shipment.tracking_number) : undefined,
    tracking_url: shipment ? trackingUrl(shipment) : undefined,
    carrier: shipment ? carrierName(shipment) : undefined,
  };
}
