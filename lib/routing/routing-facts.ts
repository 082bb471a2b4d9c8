import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";

/** What assignment rules look at, gathered from the ticket, its customer and its order. */
export type RoutingFacts = {
  productCategories: string[];
  orderValue: number | null;
  tier: CustomerTier;
  /** The ticket's category and tags. */
  issueTypes: string[];
  region: string | null;
};

export type RoutingSource = {
  category: string | null;
  tags: string[];
  customer: { tier: CustomerTier; region: string | null } | null;
  order: { totalIncTax: { toString(): string } | number | null; products: unknown; order: unknown } | null;
};

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * Product categories as the order snapshot carries them: BigCommerce's order products have no
 * categories, so the snapshot writer adds `categories` (names) or `category` per product when it
 * knows them; anything else is ignored rather than guessed.
 */
function productCategories(products: unknown): string[] {
  if (!Array.isArray(products)) return [];
  const names = new Set<string>();
  for (const product of products) {
    const item = record(product);
    if (!item) continue;
    const single = text(item.category);
    if (single) names.add(single);
    if (Array.isArray(item.categories)) {
      for (const category of item.categories) {
        const name = text(category) ?? text(record(category)?.name);
        if (name) names.add(name);
      }
    }
  }
  return [...names];
}

function billingRegion(order: unknown): string | null {
  const billing = record(record(order)?.billing_address);
  return text(billing?.country_iso2) ?? text(billing?.country);
}

export function routingFactsFrom(source: RoutingSource): RoutingFacts {
  const total = source.order?.totalIncTax;
  const orderValue = total === null || total === undefined ? null : Number(total.toString());
  return {
    productCategories: source.order ? productCategories(source.order.products) : [],
    orderValue: orderValue !== null && Number.isFinite(orderValue) ? orderValue : null,
    tier: source.customer?.tier ?? "STANDARD",
    issueTypes: [...new Set([source.category, ...source.tags].filter((value): value is string => Boolean(value)))],
    region: text(source.customer?.region) ?? (source.order ? billingRegion(source.order.order) : null),
  };
}
