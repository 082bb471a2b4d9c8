import type { OrderBundle } from "./order-bundle.ts";

/** How Tern words an order in a ticket: its subject and the details note. Pure. */

// Making a formatter costs far more than using one, and every order note formats several amounts.
// Keyed by currency codes from outside: bounded.
const formatters = new Map<string, Intl.NumberFormat>();
const MAX_FORMATTERS = 64;

function currencyFormatter(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(currency, formatter);
  }
  return formatter;
}

export function formatMoney(amount: string | number | null | undefined, currency: string | null | undefined): string | null {
  const value = typeof amount === "string" ? Number(amount) : amount;
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  try {
    return currencyFormatter(currency || "USD").format(value);
  } catch {
    // An unknown currency code: show the number and the code as given.
    return `${value.toFixed(2)} ${currency}`;
  }
}

export function customerNameOf(bundle: OrderBundle): string | null {
  const { first_name, last_name } = bundle.order.billing_address ?? {};
  return [first_name, last_name].filter(Boolean).join(" ").trim() || null;
}

export function orderStatusName(bundle: OrderBundle): string {
  return bundle.order.custom_status || bundle.order.status || "Unknown";
}

export function orderTicketSubject(bundle: OrderBundle): string {
  const [first, ...rest] = bundle.products;
  const what = first ? `${first.name}${rest.length ? ` and ${rest.length} more` : ""}` : null;
  return what ? `Order #${bundle.order.id}: ${what}` : `Order #${bundle.order.id}`;
}

export function orderSummary(bundle: OrderBundle): string {
  const { order } = bundle;
  const lines = [`Order #${order.id} · ${orderStatusName(bundle)} · ${formatMoney(order.total_inc_tax, order.currency_code) ?? "no total"}`];
  const name = customerNameOf(bundle);
  const email = order.billing_address?.email;
  if (name || email) lines.push(`Customer: ${[name, email && `<${email}>`].filter(Boolean).join(" ")}${order.customer_id ? ` (BigCommerce customer ${order.customer_id})` : " (guest)"}`);
  if (bundle.products.length) {
    lines.push("Products:");
    for (const product of bundle.products) {
      const total = formatMoney(product.total_inc_tax, order.currency_code);
      lines.push(`- ${product.quantity} × ${product.name}${product.sku ? ` (SKU ${product.sku})` : ""}${total ? ` — ${total}` : ""}`);
    }
  }
  const address = bundle.shippingAddresses[0];
  if (address) lines.push(`Ship to: ${[address.city, address.state, address.country].filter(Boolean).join(", ")}`);
  if (order.date_created) lines.push(`Placed: ${order.date_created}`);
  return lines.join("\n");
}
