/**
 * The BigCommerce REST shapes Tern reads (V2 orders, V3 customers, refunds, hooks). Only the
 * fields Tern uses are typed; the rest pass through untouched into OrderSnapshot. Money fields
 * are strings ("69.8400") and V2 dates RFC 2822 strings, as BigCommerce sends them.
 */

export type BigcommerceLink = { url: string; resource: string };

export type BigcommerceAddress = {
  first_name?: string;
  last_name?: string;
  company?: string;
  street_1?: string;
  street_2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  country_iso2?: string;
  phone?: string;
  email?: string;
};

export type BigcommerceOrder = {
  id: number;
  customer_id: number;
  date_created: string;
  date_modified: string;
  date_shipped?: string;
  status_id: number;
  status: string;
  custom_status?: string;
  subtotal_inc_tax?: string;
  total_ex_tax?: string;
  total_inc_tax: string;
  refunded_amount?: string;
  items_total?: number;
  items_shipped?: number;
  payment_method?: string;
  currency_code?: string;
  billing_address: BigcommerceAddress;
  customer_message?: string;
  staff_notes?: string;
  channel_id?: number;
  is_deleted?: boolean;
  products?: BigcommerceLink | BigcommerceOrderProduct[];
  shipping_addresses?: BigcommerceLink | BigcommerceShippingAddress[];
  [field: string]: unknown;
};

export type BigcommerceOrderProduct = {
  id: number;
  order_id: number;
  product_id: number;
  variant_id?: number;
  name: string;
  sku: string;
  quantity: number;
  base_price?: string;
  price_inc_tax?: string;
  total_inc_tax?: string;
  quantity_shipped?: number;
  quantity_refunded?: number;
  /** Not BigCommerce's: Tern adds the catalog thumbnail when it reads the order (attach-product-images.ts). */
  image_url?: string | null;
  [field: string]: unknown;
};

/** V3 catalog product image (GET /v3/catalog/products/{id}/images); V2 order products carry none. */
export type BigcommerceProductImage = {
  id: number;
  product_id: number;
  is_thumbnail: boolean;
  sort_order?: number;
  url_thumbnail?: string;
  url_standard?: string;
  url_zoom?: string;
  url_tiny?: string;
  [field: string]: unknown;
};

export type BigcommerceShippingAddress = BigcommerceAddress & { id: number; order_id: number; shipping_method?: string; [field: string]: unknown };

export type BigcommerceShipmentItem = { order_product_id: number; product_id: number; quantity: number };

export type BigcommerceShipment = {
  id: number;
  order_id: number;
  customer_id?: number;
  date_created: string;
  tracking_number: string;
  shipping_method?: string;
  shipping_provider?: string;
  tracking_carrier?: string;
  tracking_link?: string;
  generated_tracking_link?: string;
  comments?: string;
  items: BigcommerceShipmentItem[];
  [field: string]: unknown;
};

export type BigcommerceOrderStatus = {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description?: string;
  order: number;
};

export type BigcommerceOrderMessage = {
  id: number;
  order_id: number;
  staff_id: number;
  customer_id: number;
  type: string;
  subject: string;
  message: string;
  status: string;
  is_flagged: boolean;
  date_created: string;
  customer?: { first_name?: string; last_name?: string; email?: string; [field: string]: unknown };
};

export type BigcommerceCustomer = {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company?: string;
  phone?: string;
  customer_group_id?: number;
  notes?: string;
  store_credit_amounts?: Array<{ amount: number }>;
  date_created?: string;
  date_modified?: string;
  address_count?: number;
  attribute_count?: number;
  /** With include=addresses (BigCommerce returns at most 10). */
  addresses?: Array<BigcommerceAddress & { id: number; customer_id: number }>;
  /** With include=attributes. */
  attributes?: BigcommerceCustomerAttributeValue[];
};

export type BigcommerceCustomerAttributeValue = { id: number; attribute_id: number; attribute_value: string; customer_id: number; date_created?: string; date_modified?: string };

/** GET /v3/customers/attributes: the store's customer attribute definitions. */
export type BigcommerceCustomerAttribute = { id: number; name: string; type: "string" | "number" | "date"; date_created?: string; date_modified?: string };

/** GET /v2/customer_groups. */
export type BigcommerceCustomerGroup = { id: number; name: string; is_default?: boolean; is_group_for_guests?: boolean };

/** V3 collections' paging (meta.pagination). */
export type BigcommercePagination = { total: number; count: number; per_page: number; current_page: number; total_pages: number };

export type BigcommerceRefundItem = {
  item_type: "PRODUCT" | "ORDER" | "SHIPPING" | "HANDLING" | "GIFT_WRAPPING" | "TAX";
  item_id: number;
  quantity?: number;
  amount?: number;
  reason?: string;
};

export type BigcommerceRefundQuote = {
  order_id: number;
  total_refund_amount: number;
  total_refund_tax_amount?: number;
  rounding?: number;
  adjustment?: number;
  tax_inclusive?: boolean;
  refund_methods: Array<Array<{ provider_id: string; provider_description: string; amount: number; offline: boolean; offline_provider: boolean; offline_reason: string }>>;
};

export type BigcommerceRefundPayment = { provider_id: string; amount: number; offline: boolean };

export type BigcommerceRefund = {
  id: number;
  order_id: number;
  user_id: number;
  created: string;
  reason?: string;
  total_amount: number;
  total_tax: number;
  uses_merchant_override_values: boolean;
  payments: Array<BigcommerceRefundPayment & { id: number; is_declined: boolean; declined_message: string }>;
  items: BigcommerceRefundItem[];
};

/** A storefront script (POST /v3/content/scripts): Tern's "Chat with us on Telegram" snippet. */
export type BigcommerceScript = {
  uuid: string;
  name: string;
  description?: string;
  html?: string;
  kind: "script_tag" | "src";
  location: "head" | "footer";
  visibility: "storefront" | "all_pages" | "checkout" | "order_confirmation";
  consent_category: "essential" | "functional" | "analytics" | "targeting";
  auto_uninstall: boolean;
  load_method?: "default" | "async" | "defer";
};

export type BigcommerceScriptInput = Omit<BigcommerceScript, "uuid">;

export type BigcommerceHook = {
  id: number;
  client_id?: string;
  store_hash?: string;
  scope: string;
  destination: string;
  is_active: boolean;
  headers: Record<string, string> | null;
  created_at: number;
  updated_at: number;
};

export type BigcommerceHookInput = { scope: string; destination: string; is_active?: boolean; headers?: Record<string, string> };

/** What a webhook delivery carries (light envelope). `store_id` is a string in current docs, a number in older ones. */
export type BigcommerceWebhookEnvelope = {
  scope: string;
  store_id: string | number;
  data: { type?: string; id?: number | string; [field: string]: unknown };
  hash: string;
  created_at: number;
  producer: string;
};

/** Status ids every store has (BigCommerce's system statuses). */
export const ORDER_STATUS = {
  INCOMPLETE: 0,
  PENDING: 1,
  SHIPPED: 2,
  PARTIALLY_SHIPPED: 3,
  REFUNDED: 4,
  CANCELLED: 5,
  DECLINED: 6,
  AWAITING_PAYMENT: 7,
  AWAITING_PICKUP: 8,
  AWAITING_SHIPMENT: 9,
  COMPLETED: 10,
  AWAITING_FULFILLMENT: 11,
  MANUAL_VERIFICATION_REQUIRED: 12,
  DISPUTED: 13,
  PARTIALLY_REFUNDED: 14,
} as const;

export const ORDER_STATUS_NAMES: Record<number, string> = {
  0: "Incomplete",
  1: "Pending",
  2: "Shipped",
  3: "Partially Shipped",
  4: "Refunded",
  5: "Cancelled",
  6: "Declined",
  7: "Awaiting Payment",
  8: "Awaiting Pickup",
  9: "Awaiting Shipment",
  10: "Completed",
  11: "Awaiting Fulfillment",
  12: "Manual Verification Required",
  13: "Disputed",
  14: "Partially Refunded",
};

/** A catalog variant (GET /v3/catalog/products?include=variants): a product without options has one, its base variant. */
export type BigcommerceCatalogVariant = {
  id: number;
  product_id: number;
  sku: string;
  price: number | null;
  calculated_price?: number;
  inventory_level: number;
  purchasing_disabled?: boolean;
  option_values: Array<{ id: number; label: string; option_id: number; option_display_name: string }>;
  [field: string]: unknown;
};

/** A V3 catalog product (GET /v3/catalog/products): prices are numbers here, unlike V2 orders' strings. */
export type BigcommerceCatalogProduct = {
  id: number;
  name: string;
  type: "physical" | "digital";
  sku: string;
  price: number;
  sale_price?: number;
  calculated_price?: number;
  is_visible: boolean;
  availability: "available" | "disabled" | "preorder";
  /** "none": not tracked (always in stock); "product" / "variant": inventory_level counts. */
  inventory_tracking: "none" | "product" | "variant";
  inventory_level: number;
  primary_image?: { id: number; url_standard?: string; url_thumbnail?: string; url_zoom?: string; [field: string]: unknown } | null;
  variants?: BigcommerceCatalogVariant[];
  [field: string]: unknown;
};

export type BigcommerceCartLineItemInput = { product_id: number; variant_id?: number; quantity: number };

export type BigcommerceCartLineItem = {
  id: string;
  product_id: number;
  variant_id: number;
  sku: string;
  name: string;
  quantity: number;
  list_price: number;
  sale_price: number;
  extended_sale_price: number;
  [field: string]: unknown;
};

/** POST /v3/carts (needs store_cart): a cart made for a customer, its items grouped by kind. */
export type BigcommerceCart = {
  id: string;
  customer_id: number;
  channel_id: number;
  email?: string;
  currency: { code: string };
  base_amount: number;
  discount_amount: number;
  cart_amount: number;
  line_items: { physical_items: BigcommerceCartLineItem[]; digital_items: BigcommerceCartLineItem[]; gift_certificates: unknown[]; custom_items: unknown[] };
  created_time: string;
  updated_time: string;
  redirect_urls?: BigcommerceCartRedirectUrls;
  [field: string]: unknown;
};

/** POST /v3/carts/{id}/redirect_urls: single-use links into the storefront's checkout. */
export type BigcommerceCartRedirectUrls = { cart_url: string; checkout_url: string; embedded_checkout_url?: string };

/** The fields PUT /v2/orders/{id}/shipping_addresses/{id} takes. */
export type BigcommerceShippingAddressInput = Pick<BigcommerceAddress, "first_name" | "last_name" | "company" | "street_1" | "street_2" | "city" | "state" | "zip" | "country" | "country_iso2" | "phone" | "email">;
