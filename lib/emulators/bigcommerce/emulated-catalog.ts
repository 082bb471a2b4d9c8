import { randomBytes, randomUUID } from "node:crypto";
import type { BigcommerceCart, BigcommerceCartLineItem, BigcommerceCartRedirectUrls, BigcommerceCatalogProduct, BigcommerceCatalogVariant } from "@/lib/bigcommerce/bigcommerce-types.ts";

export type NewCatalogProduct = {
  name: string;
  sku: string;
  price: number;
  /** Units in stock; null: stock not tracked (always available). */
  inventory?: number | null;
  visible?: boolean;
  /** Options, each its own variant with its own SKU and stock (a product without is its base variant). */
  variants?: Array<{ label: string; sku: string; inventory: number; price?: number }>;
};

/** A cart line the caller asked for, as POST /v3/carts reads `line_items`. */
export type CartLineInput = { product_id: number; variant_id?: number; quantity: number };

/** Why BigCommerce refuses a cart: the emulator answers 422 (or 404 for a missing product) with this title. */
export class CartRefused extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

export type CatalogState = { products: BigcommerceCatalogProduct[]; nextId: number; nextVariantId: number };

const FIRST_PRODUCT_ID = 5_000;

/** What a demo or test store sells from the start: the e2e orders' products among them. */
const STARTER_CATALOG: NewCatalogProduct[] = [
  { name: "Orbit Terrarium, large", sku: "OTS-L", price: 39.9, inventory: 14 },
  { name: "Orbit Terrarium, small", sku: "OTS-S", price: 24.5, inventory: 0 },
  { name: "Moss refill pack", sku: "MOSS-3", price: 9.95, inventory: null },
  { name: "Fern trio", sku: "FERN-3", price: 18, inventory: 30, variants: [{ label: "Green", sku: "FERN-3-G", inventory: 12 }, { label: "Variegated", sku: "FERN-3-V", inventory: 3, price: 21 }] },
  { name: "Pebble set", sku: "PEB-1", price: 6.5, inventory: 120 },
];

function money2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * An emulated store's catalog and carts, with BigCommerce's shapes: V3 products with variants
 * and stock, and carts that check products, options and stock as POST /v3/carts does. Carts are
 * not kept across restarts (BigCommerce's expire too).
 */
export class EmulatedCatalog {
  readonly products = new Map<number, BigcommerceCatalogProduct>();
  readonly carts = new Map<string, BigcommerceCart>();
  private nextId = FIRST_PRODUCT_ID;
  private nextVariantId = 1;

  constructor(
    private readonly hash: string,
    state?: CatalogState,
  ) {
    // A kept state from an older or damaged file: start with the starter catalog rather than fail.
    if (state && Array.isArray(state.products) && Number.isInteger(state.nextId) && Number.isInteger(state.nextVariantId)) {
      for (const product of state.products) this.products.set(product.id, product);
      this.nextId = state.nextId;
      this.nextVariantId = state.nextVariantId;
    } else {
      for (const product of STARTER_CATALOG) this.addProduct(product);
    }
  }

  exportState(): CatalogState {
    return { products: [...this.products.values()], nextId: this.nextId, nextVariantId: this.nextVariantId };
  }

  addProduct(input: NewCatalogProduct): BigcommerceCatalogProduct {
    const id = this.nextId++;
    const tracked = input.inventory !== null && input.inventory !== undefined;
    const variant = (sku: string, price: number | null, inventory: number, label?: string): BigcommerceCatalogVariant => ({
      id: this.nextVariantId++,
      product_id: id,
      sku,
      price,
      calculated_price: price ?? input.price,
      inventory_level: inventory,
      purchasing_disabled: false,
      option_values: label ? [{ id: this.nextVariantId, label, option_id: 1, option_display_name: "Colour" }] : [],
    });
    const variants = input.variants?.length
      ? input.variants.map((entry) => variant(entry.sku, entry.price ?? null, entry.inventory, entry.label))
      : [variant(input.sku, null, tracked ? input.inventory! : 0)];
    const product: BigcommerceCatalogProduct = {
      id,
      name: input.name,
      type: "physical",
      sku: input.sku,
      price: input.price,
      sale_price: 0,
      calculated_price: input.price,
      is_visible: input.visible ?? true,
      availability: "available",
      inventory_tracking: input.variants?.length ? "variant" : tracked ? "product" : "none",
      inventory_level: input.variants?.length ? input.variants.reduce((sum, entry) => sum + entry.inventory, 0) : tracked ? input.inventory! : 0,
      primary_image: { id, url_standard: "", url_thumbnail: "" },
      variants,
    };
    this.products.set(id, product);
    return product;
  }

  /** `keyword` matches the name or SKU (BigCommerce also looks at descriptions, which the emulator has none of). */
  search(filter: { keyword?: string; visibleOnly?: boolean }): BigcommerceCatalogProduct[] {
    const keyword = filter.keyword?.trim().toLowerCase();
    return [...this.products.values()].filter(
      (product) =>
        (!filter.visibleOnly || product.is_visible) &&
        (!keyword || product.name.toLowerCase().includes(keyword) || product.sku.toLowerCase().includes(keyword) || (product.variants ?? []).some((variant) => variant.sku.toLowerCase().includes(keyword))),
    );
  }

  private lineItem(line: CartLineInput): BigcommerceCartLineItem {
    const product = this.products.get(line.product_id);
    if (!product || !product.is_visible) throw new CartRefused(404, `Product with id ${line.product_id} not found`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw new CartRefused(422, "The quantity must be a positive whole number");
    const variants = product.variants ?? [];
    const hasOptions = variants.some((variant) => variant.option_values.length > 0);
    const variant = line.variant_id ? variants.find((entry) => entry.id === line.variant_id) : hasOptions ? undefined : variants[0];
    if (line.variant_id && !variant) throw new CartRefused(422, `Variant with id ${line.variant_id} not found for product ${product.id}`);
    if (!variant) throw new CartRefused(422, `Missing option selections for product ${product.id}`);
    const stock = product.inventory_tracking === "variant" ? variant.inventory_level : product.inventory_tracking === "product" ? product.inventory_level : Number.POSITIVE_INFINITY;
    if (line.quantity > stock) throw new CartRefused(422, `${product.name} does not have sufficient stock`);
    const price = variant.price ?? product.price;
    return {
      id: randomUUID(),
      parent_id: null,
      variant_id: variant.id,
      product_id: product.id,
      sku: variant.sku,
      name: product.name,
      url: `https://${this.hash}.example.com/products/${product.id}`,
      quantity: line.quantity,
      taxable: true,
      image_url: "",
      discounts: [],
      coupons: [],
      discount_amount: 0,
      coupon_amount: 0,
      original_price: price,
      list_price: price,
      sale_price: price,
      extended_list_price: money2(price * line.quantity),
      extended_sale_price: money2(price * line.quantity),
      is_require_shipping: true,
      is_mutable: true,
    };
  }

  /** POST /v3/carts: refused whole (CartRefused) if any line is. */
  createCart(input: { customerId: number; channelId: number; email?: string; lines: CartLineInput[] }): BigcommerceCart {
    if (!input.lines.length) throw new CartRefused(422, "line_items is required");
    const items = input.lines.map((line) => this.lineItem(line));
    const amount = money2(items.reduce((sum, item) => sum + item.extended_sale_price, 0));
    const now = new Date().toISOString();
    const cart: BigcommerceCart = {
      id: randomUUID(),
      customer_id: input.customerId,
      channel_id: input.channelId,
      email: input.email ?? "",
      currency: { code: "USD" },
      tax_included: false,
      base_amount: amount,
      discount_amount: 0,
      manual_discount_amount: 0,
      cart_amount: amount,
      coupons: [],
      discounts: [],
      line_items: { physical_items: items, digital_items: [], gift_certificates: [], custom_items: [] },
      created_time: now,
      updated_time: now,
      locale: "en",
    };
    this.carts.set(cart.id, cart);
    return cart;
  }

  /** POST /v3/carts/{id}/redirect_urls: links that log the shopper into this cart, each usable once. */
  redirectUrls(cartId: string): BigcommerceCartRedirectUrls | null {
    if (!this.carts.has(cartId)) return null;
    const token = randomBytes(16).toString("hex");
    const base = `https://${this.hash}.example.com/cart.php`;
    return {
      cart_url: `${base}?action=load&id=${cartId}&token=${token}`,
      checkout_url: `${base}?action=loadInCheckout&id=${cartId}&token=${token}`,
      embedded_checkout_url: `${base}?embedded=1&action=loadInCheckout&id=${cartId}&token=${token}`,
    };
  }
}
