import type { BigcommerceHook, BigcommerceScript } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { CartRefused, type CartLineInput } from "./emulated-catalog.ts";
import { callerHasScope, scopeForHook, type EmulatedCaller } from "./emulated-api-account.ts";
import { DEFAULT_CUSTOMER_ATTRIBUTES, DEFAULT_CUSTOMER_GROUPS, type EmulatedStore } from "./emulated-store.ts";
import { parseDateFilter } from "./emulator-format.ts";
import { productImageUrl } from "./product-image.ts";

export type RouteRequest = { method: string; params: string[]; query: URLSearchParams; body: unknown; baseUrl: string; caller: EmulatedCaller };
export type RouteResult = { status: number; body?: unknown };
type Handler = (store: EmulatedStore, request: RouteRequest) => RouteResult;
type Route = { method: string; pattern: RegExp; handler: Handler };

const V2_NOT_FOUND: RouteResult = { status: 404, body: [{ status: 404, message: "The requested resource was not found." }] };

function v3Error(status: number, title: string): RouteResult {
  return { status, body: { status, title, type: "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes", errors: {} } };
}

/** V2 collections: 204 when empty, paged with `page` and `limit` (≤ 250). */
function v2List(items: unknown[], query: URLSearchParams, defaultLimit = 50): RouteResult {
  const limit = Math.min(250, Math.max(1, Number(query.get("limit") ?? defaultLimit) || defaultLimit));
  const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const slice = items.slice((page - 1) * limit, page * limit);
  return slice.length ? { status: 200, body: slice } : { status: 204 };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function orderWithLinks(store: EmulatedStore, orderId: number, baseUrl: string) {
  const order = store.requireOrder(orderId);
  const root = `${baseUrl}/stores/${store.hash}/v2/orders/${orderId}`;
  return {
    ...order,
    products: { url: `${root}/products`, resource: `/orders/${orderId}/products` },
    shipping_addresses: { url: `${root}/shipping_addresses`, resource: `/orders/${orderId}/shipping_addresses` },
    coupons: { url: `${root}/coupons`, resource: `/orders/${orderId}/coupons` },
  };
}

function orderRoute(handler: (store: EmulatedStore, orderId: number, request: RouteRequest) => RouteResult, version: "v2" | "v3" = "v2"): Handler {
  return (store, request) => {
    const orderId = Number(request.params[0]);
    if (!store.orders.has(orderId)) return version === "v3" ? v3Error(404, "Order not found") : V2_NOT_FOUND;
    return handler(store, orderId, request);
  };
}

function listOrders(store: EmulatedStore, request: RouteRequest): RouteResult {
  const { query } = request;
  const minModified = parseDateFilter(query.get("min_date_modified"));
  const maxModified = parseDateFilter(query.get("max_date_modified"));
  const minId = query.get("min_id");
  const statusId = query.get("status_id");
  const customerId = query.get("customer_id");
  const email = query.get("email")?.toLowerCase();
  let orders = [...store.orders.values()].filter(
    (order) =>
      (!minModified || Date.parse(order.date_modified) >= minModified.getTime()) &&
      (!maxModified || Date.parse(order.date_modified) <= maxModified.getTime()) &&
      (!minId || order.id >= Number(minId)) &&
      (statusId === null || order.status_id === Number(statusId)) &&
      (customerId === null || order.customer_id === Number(customerId)) &&
      (!email || order.billing_address.email?.toLowerCase() === email),
  );
  const [field = "id", direction = "asc"] = (query.get("sort") ?? "id:asc").split(":");
  const key = (order: (typeof orders)[number]): number =>
    field === "date_modified" ? Date.parse(order.date_modified) : field === "date_created" ? Date.parse(order.date_created) : order.id;
  orders = orders.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (direction === "desc" ? -1 : 1));
  return v2List(
    orders.map((order) => orderWithLinks(store, order.id, request.baseUrl)),
    query,
  );
}

function createOrder(store: EmulatedStore, request: RouteRequest): RouteResult {
  const body = record(request.body);
  const billing = record(body.billing_address);
  const products = Array.isArray(body.products) ? body.products.map(record) : [];
  if (!products.length) return { status: 400, body: [{ status: 400, message: "The field 'products' is invalid." }] };
  const order = store.createOrder({
    customerId: Number(body.customer_id) || undefined,
    guest: { email: String(billing.email ?? "guest@example.com"), firstName: String(billing.first_name ?? "Guest"), lastName: String(billing.last_name ?? "") },
    products: products.map((product) => ({
      name: String(product.name ?? "Custom product"),
      sku: String(product.sku ?? ""),
      price: Number(product.price_inc_tax ?? product.price_ex_tax ?? 0),
      quantity: Number(product.quantity ?? 1),
    })),
    statusId: body.status_id === undefined ? undefined : Number(body.status_id),
    customerMessage: typeof body.customer_message === "string" ? body.customer_message : undefined,
  });
  return { status: 201, body: orderWithLinks(store, order.id, request.baseUrl) };
}

function updateOrder(store: EmulatedStore, orderId: number, request: RouteRequest): RouteResult {
  const body = record(request.body);
  if (body.staff_notes !== undefined || body.customer_message !== undefined) {
    store.updateOrder(orderId, {
      staffNotes: typeof body.staff_notes === "string" ? body.staff_notes : undefined,
      customerMessage: typeof body.customer_message === "string" ? body.customer_message : undefined,
    });
  }
  if (body.status_id !== undefined) store.setOrderStatus(orderId, Number(body.status_id));
  return { status: 200, body: orderWithLinks(store, orderId, request.baseUrl) };
}

function createShipment(store: EmulatedStore, orderId: number, request: RouteRequest): RouteResult {
  const body = record(request.body);
  const items = Array.isArray(body.items) ? body.items.map(record) : undefined;
  const shipment = store.addShipment(orderId, {
    trackingNumber: typeof body.tracking_number === "string" ? body.tracking_number : undefined,
    carrier: typeof body.tracking_carrier === "string" ? body.tracking_carrier : undefined,
    provider: typeof body.shipping_provider === "string" ? body.shipping_provider : undefined,
    trackingLink: typeof body.tracking_link === "string" ? body.tracking_link : undefined,
    items: items?.map((item) => ({ orderProductId: Number(item.order_product_id), quantity: Number(item.quantity ?? 1) })),
  });
  return { status: 201, body: shipment };
}

/** V3 collections: `data` with `meta.pagination`, paged with `page` and `limit` (≤ 250). */
function v3Page(items: unknown[], query: URLSearchParams): RouteResult {
  const limit = Math.min(250, Math.max(1, Number(query.get("limit") ?? 50) || 50));
  const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const totalPages = Math.ceil(items.length / limit);
  const data = items.slice((page - 1) * limit, page * limit);
  const link = (to: number) => `?page=${to}&limit=${limit}`;
  return {
    status: 200,
    body: {
      data,
      meta: {
        pagination: {
          total: items.length,
          count: data.length,
          per_page: limit,
          current_page: page,
          total_pages: totalPages,
          links: { current: link(page), ...(page > 1 ? { previous: link(page - 1) } : {}), ...(page < totalPages ? { next: link(page + 1) } : {}) },
        },
      },
    },
  };
}

/** GET /v3/customers: filters id:in, email:in, date_modified:min, customer_group_id:in; include=addresses,attributes; paged with meta. */
function listCustomers(store: EmulatedStore, request: RouteRequest): RouteResult {
  const { query } = request;
  const ids = query.get("id:in")?.split(",").map(Number);
  const emails = query.get("email:in")?.toLowerCase().split(",");
  const groups = query.get("customer_group_id:in")?.split(",").map(Number);
  const modifiedMin = query.get("date_modified:min");
  const modifiedSince = modifiedMin ? Date.parse(modifiedMin) : null;
  if (modifiedSince !== null && Number.isNaN(modifiedSince)) return v3Error(422, "date_modified:min is not a valid date");
  const include = (query.get("include") ?? "").split(",").map((part) => part.trim());
  const filtered = ids || emails || groups || modifiedSince !== null;
  // Creation order is id order: BigCommerce's date_created:asc.
  let customers = [...store.customers.values()];
  if (filtered) {
    customers = customers.filter(
      (customer) =>
        (!ids || ids.includes(customer.id)) &&
        (!emails || emails.includes(String(customer.email ?? "").toLowerCase())) &&
        (!groups || groups.includes(customer.customer_group_id ?? 0)) &&
        (modifiedSince === null || Date.parse(customer.date_modified ?? "") >= modifiedSince),
    );
  }
  if (query.get("sort") === "date_created:desc") customers.reverse();
  const result = v3Page(customers, query);
  const body = result.body as { data: typeof customers };
  body.data = body.data.map((customer) => ({
    ...customer,
    addresses: include.includes("addresses") ? customer.addresses : undefined,
    attributes: include.includes("attributes") ? customer.attributes : undefined,
  }));
  return result;
}

/** A product's one picture: catalog products have it, and so has any product an order holds. */
function productImages(store: EmulatedStore, request: RouteRequest): RouteResult {
  const productId = Number(request.params[0]);
  const exists = store.catalog.products.has(productId) || [...store.products.values()].some((products) => products.some((product) => product.product_id === productId));
  if (!exists) return v3Error(404, "The requested product was not found.");
  const url = productImageUrl(request.baseUrl, productId);
  const image = {
    id: productId,
    product_id: productId,
    is_thumbnail: true,
    sort_order: 0,
    description: "",
    image_file: `emulated/${productId}.svg`,
    url_zoom: url,
    url_standard: url,
    url_thumbnail: url,
    url_tiny: url,
    date_modified: new Date(0).toISOString(),
  };
  return { status: 200, body: { data: [image], meta: { pagination: { total: 1, count: 1, per_page: 50, current_page: 1, total_pages: 1 } } } };
}

/** GET /v3/catalog/products: `keyword` (name or SKU), `is_visible`, `include=variants,primary_image`. */
function listCatalogProducts(store: EmulatedStore, request: RouteRequest): RouteResult {
  const { query } = request;
  const keyword = query.get("keyword") ?? undefined;
  const include = (query.get("include") ?? "").split(",");
  const products = store.catalog.search({ keyword, visibleOnly: query.get("is_visible") === "true" }).map((product) => {
    const url = productImageUrl(request.baseUrl, product.id);
    const { variants, primary_image: _image, ...rest } = product;
    return {
      ...rest,
      ...(include.includes("variants") ? { variants } : {}),
      ...(include.includes("primary_image") ? { primary_image: { id: product.id, product_id: product.id, is_thumbnail: true, url_standard: url, url_thumbnail: url, url_zoom: url, url_tiny: url } } : {}),
    };
  });
  return v3Page(products, query);
}

function cartLines(value: unknown): CartLineInput[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) return null;
  const lines = value.map(record).map((line) => ({
    product_id: Number(line.product_id),
    ...(line.variant_id === undefined ? {} : { variant_id: Number(line.variant_id) }),
    quantity: Number(line.quantity),
  }));
  return lines.every((line) => Number.isInteger(line.product_id) && line.product_id > 0) ? lines : null;
}

/** POST /v3/carts: `customer_id` must be a customer of the store; every line is checked for product, options and stock. */
function createCart(store: EmulatedStore, request: RouteRequest): RouteResult {
  const body = record(request.body);
  const lines = cartLines(body.line_items);
  if (!lines) return v3Error(422, "line_items must list at least one item with a product_id");
  const customerId = body.customer_id === undefined ? 0 : Number(body.customer_id);
  if (!Number.isInteger(customerId) || customerId < 0 || (customerId > 0 && !store.customers.has(customerId))) return v3Error(422, "Customer ID is not valid");
  try {
    const cart = store.catalog.createCart({ customerId, channelId: Number(body.channel_id ?? 1) || 1, email: customerId ? store.customers.get(customerId)!.email : undefined, lines });
    const withUrls = request.query.get("include") === "redirect_urls" ? { ...cart, redirect_urls: store.catalog.redirectUrls(cart.id) } : cart;
    return { status: 201, body: { data: withUrls, meta: {} } };
  } catch (error) {
    if (error instanceof CartRefused) return v3Error(error.status, error.message);
    throw error;
  }
}

function cartRedirectUrls(store: EmulatedStore, request: RouteRequest): RouteResult {
  const urls = store.catalog.redirectUrls(request.params[0]!);
  return urls ? { status: 201, body: { data: urls, meta: {} } } : v3Error(404, "Cart not found");
}

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "street_1", "street_2", "city", "state", "zip", "country", "country_iso2", "phone", "email"] as const;

/** PUT /v2/orders/{id}/shipping_addresses/{id}: string fields only, each at most 255 characters. */
function updateShippingAddress(store: EmulatedStore, orderId: number, request: RouteRequest): RouteResult {
  const body = record(request.body);
  const patch: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== "string" || value.length > 255) return { status: 400, body: [{ status: 400, message: `The field '${field}' is invalid.` }] };
    patch[field] = value;
  }
  const updated = store.updateShippingAddress(orderId, Number(request.params[1]), patch);
  return updated ? { status: 200, body: updated } : V2_NOT_FOUND;
}

/** PUT /v3/customers: a batch of up to 10 `{ id, …fields }`; an unknown id fails the batch (422). */
function updateCustomers(store: EmulatedStore, request: RouteRequest): RouteResult {
  const items = Array.isArray(request.body) ? request.body.map(record) : null;
  if (!items || items.length === 0 || items.length > 10) return v3Error(422, "The request body must be an array of 1 to 10 customers");
  for (const [index, item] of items.entries()) {
    const id = Number(item.id);
    if (!store.customers.has(id)) return { status: 422, body: { status: 422, title: `Customer ${String(item.id)} does not exist`, type: "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes", errors: { [`${index}.id`]: "not found" } } };
    if (item.phone !== undefined && (typeof item.phone !== "string" || item.phone.length > 50)) {
      return { status: 422, body: { status: 422, title: "Input is invalid", type: "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes", errors: { [`${index}.phone`]: "must be a string of at most 50 characters" } } };
    }
  }
  const updated = items.map((item) => (typeof item.phone === "string" ? store.updateCustomerPhone(Number(item.id), item.phone) : store.customers.get(Number(item.id))!));
  return { status: 200, body: { data: updated.map((customer) => ({ ...customer, addresses: undefined })), meta: {} } };
}

type RefundItemBody = { item_type: string; item_id: number; quantity?: number; amount?: number };

function refundItems(body: Record<string, unknown>): RefundItemBody[] | null {
  if (!Array.isArray(body.items) || body.items.length === 0) return null;
  return body.items.map(record).map((item) => ({
    item_type: String(item.item_type ?? ""),
    item_id: Number(item.item_id),
    quantity: item.quantity === undefined ? undefined : Number(item.quantity),
    amount: item.amount === undefined ? undefined : Number(item.amount),
  }));
}

function refundQuote(store: EmulatedStore, orderId: number, request: RouteRequest): RouteResult {
  const items = refundItems(record(request.body));
  if (!items) return v3Error(422, "The items field is required");
  let total: number;
  try {
    total = store.refundAmount(orderId, items);
  } catch (error) {
    return v3Error(422, error instanceof Error ? error.message : "Invalid items");
  }
  const method = (provider: string, offline: boolean) => ({
    provider_id: provider,
    provider_description: offline ? "Store Credit" : "Test Payment Gateway",
    amount: total,
    offline,
    offline_provider: offline,
    offline_reason: "",
  });
  return {
    status: 201,
    body: { data: { order_id: orderId, total_refund_amount: total, total_refund_tax_amount: 0, rounding: 0, adjustment: 0, tax_inclusive: true, refund_methods: [[method("testgateway", false)], [method("storecredit", true)]] } },
  };
}

const refundsInFlight = new Set<string>();

function createRefund(store: EmulatedStore, orderId: number, request: RouteRequest): RouteResult {
  const body = record(request.body);
  const items = refundItems(body);
  const payments = Array.isArray(body.payments) ? body.payments.map(record) : [];
  if (!items || payments.length === 0) return v3Error(422, "items and payments are required");
  const key = `${store.hash}:${orderId}`;
  // BigCommerce allows one refund at a time per order.
  if (refundsInFlight.has(key)) return v3Error(409, "A refund is already being processed for this order");
  refundsInFlight.add(key);
  try {
    const expected = store.refundAmount(orderId, items);
    const paid = Math.round(payments.reduce((sum, payment) => sum + Number(payment.amount ?? 0), 0) * 100) / 100;
    if (paid !== expected) return v3Error(422, `The payment amounts (${paid}) do not match the refund quote (${expected})`);
    const refund = store.refund(orderId, { items, reason: typeof body.reason === "string" ? body.reason : undefined });
    return { status: 201, body: { data: refund } };
  } catch (error) {
    return v3Error(422, error instanceof Error ? error.message : "Invalid refund");
  } finally {
    refundsInFlight.delete(key);
  }
}

function hookBody(body: Record<string, unknown>): Partial<BigcommerceHook> {
  const hook: Partial<BigcommerceHook> = {};
  if (typeof body.scope === "string") hook.scope = body.scope;
  if (typeof body.destination === "string") hook.destination = body.destination;
  if (typeof body.is_active === "boolean") hook.is_active = body.is_active;
  if (body.headers && typeof body.headers === "object") hook.headers = body.headers as Record<string, string>;
  return hook;
}

function createHook(store: EmulatedStore, request: RouteRequest): RouteResult {
  const input = hookBody(record(request.body));
  if (!input.scope || !input.destination) return v3Error(422, "scope and destination are required");
  // A hook delivers what its events name: the caller must be allowed to read that.
  const needed = scopeForHook(input.scope);
  if (needed && !callerHasScope(request.caller, needed)) return v3Error(403, `You don't have a required scope to access the endpoint: ${needed}`);
  // One hook per store + client + scope + destination, as on BigCommerce.
  const existing = store.hooksOf(request.caller.clientId).find((hook) => hook.scope === input.scope && hook.destination === input.destination);
  if (existing) return v3Error(422, "A webhook with this scope and destination already exists");
  const hook = store.createHook({ scope: input.scope, destination: input.destination, is_active: input.is_active, headers: input.headers }, request.caller.clientId);
  return { status: 200, body: { data: hook } };
}

/** A hook of the caller's own: another client's hooks are invisible to it, as on BigCommerce. */
function hookRoute(handler: (store: EmulatedStore, hook: BigcommerceHook, request: RouteRequest) => RouteResult): Handler {
  return (store, request) => {
    const hook = store.hooks.get(Number(request.params[0]));
    const own = hook && store.hooksOf(request.caller.clientId).includes(hook);
    return own ? handler(store, hook, request) : v3Error(404, "Webhook not found");
  };
}

const SCRIPT_VISIBILITIES = new Set(["storefront", "all_pages", "checkout", "order_confirmation"]);

function createScript(store: EmulatedStore, request: RouteRequest): RouteResult {
  const body = record(request.body);
  if (typeof body.name !== "string" || !body.name) return v3Error(422, "name is required");
  if (body.kind !== "script_tag" && body.kind !== "src") return v3Error(422, "kind must be script_tag or src");
  const visibility = typeof body.visibility === "string" ? body.visibility : "storefront";
  if (!SCRIPT_VISIBILITIES.has(visibility)) return v3Error(422, "visibility is not valid");
  const script = store.createScript({
    name: body.name,
    ...(typeof body.description === "string" ? { description: body.description } : {}),
    ...(typeof body.html === "string" ? { html: body.html } : {}),
    kind: body.kind,
    location: body.location === "head" ? "head" : "footer",
    visibility: visibility as BigcommerceScript["visibility"],
    consent_category: (["essential", "functional", "analytics", "targeting"].includes(String(body.consent_category)) ? body.consent_category : "essential") as BigcommerceScript["consent_category"],
    auto_uninstall: body.auto_uninstall !== false,
    load_method: body.load_method === "async" || body.load_method === "defer" ? body.load_method : "default",
  });
  return { status: 200, body: { data: script, meta: {} } };
}

const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/v3\/content\/scripts$/, handler: (store) => ({ status: 200, body: { data: [...store.scripts.values()], meta: {} } }) },
  { method: "POST", pattern: /^\/v3\/content\/scripts$/, handler: createScript },
  {
    method: "DELETE",
    pattern: /^\/v3\/content\/scripts\/([0-9a-f-]{36})$/,
    handler: (store, request) => (store.scripts.delete(request.params[0]!) ? { status: 204 } : v3Error(404, "Script not found")),
  },
  { method: "GET", pattern: /^\/v2\/store$/, handler: (store) => ({ status: 200, body: { id: store.storeId, domain: `${store.hash}.example.com`, name: `Emulated store ${store.hash}`, secure_url: `https://${store.hash}.example.com` } }) },
  { method: "GET", pattern: /^\/v2\/order_statuses$/, handler: (store) => ({ status: 200, body: store.statuses }) },
  { method: "GET", pattern: /^\/v2\/orders$/, handler: listOrders },
  { method: "POST", pattern: /^\/v2\/orders$/, handler: createOrder },
  { method: "GET", pattern: /^\/v2\/orders\/count$/, handler: (store) => ({ status: 200, body: { count: store.orders.size } }) },
  { method: "GET", pattern: /^\/v2\/orders\/(\d+)$/, handler: orderRoute((store, id, request) => ({ status: 200, body: orderWithLinks(store, id, request.baseUrl) })) },
  { method: "PUT", pattern: /^\/v2\/orders\/(\d+)$/, handler: orderRoute(updateOrder) },
  { method: "GET", pattern: /^\/v2\/orders\/(\d+)\/products$/, handler: orderRoute((store, id, request) => v2List(store.products.get(id) ?? [], request.query)) },
  { method: "GET", pattern: /^\/v2\/orders\/(\d+)\/shipping_addresses$/, handler: orderRoute((store, id, request) => v2List(store.shippingAddresses.get(id) ?? [], request.query)) },
  { method: "GET", pattern: /^\/v2\/orders\/(\d+)\/shipments$/, handler: orderRoute((store, id, request) => v2List(store.shipments.get(id) ?? [], request.query)) },
  { method: "POST", pattern: /^\/v2\/orders\/(\d+)\/shipments$/, handler: orderRoute(createShipment) },
  {
    method: "GET",
    pattern: /^\/v2\/orders\/(\d+)\/shipments\/(\d+)$/,
    handler: orderRoute((store, id, request) => {
      const shipment = (store.shipments.get(id) ?? []).find((entry) => entry.id === Number(request.params[1]));
      return shipment ? { status: 200, body: shipment } : V2_NOT_FOUND;
    }),
  },
  { method: "GET", pattern: /^\/v2\/orders\/(\d+)\/messages$/, handler: orderRoute((store, id, request) => v2List(store.messages.get(id) ?? [], request.query)) },
  { method: "GET", pattern: /^\/v2\/orders\/(\d+)\/coupons$/, handler: orderRoute(() => ({ status: 204 })) },
  { method: "PUT", pattern: /^\/v2\/orders\/(\d+)\/shipping_addresses\/(\d+)$/, handler: orderRoute(updateShippingAddress) },
  { method: "GET", pattern: /^\/v3\/customers$/, handler: listCustomers },
  { method: "PUT", pattern: /^\/v3\/customers$/, handler: updateCustomers },
  { method: "GET", pattern: /^\/v3\/catalog\/products$/, handler: listCatalogProducts },
  { method: "POST", pattern: /^\/v3\/carts$/, handler: createCart },
  { method: "POST", pattern: /^\/v3\/carts\/([0-9a-f-]{36})\/redirect_urls$/, handler: cartRedirectUrls },
  { method: "GET", pattern: /^\/v3\/customers\/attributes$/, handler: (_store, request) => v3Page(DEFAULT_CUSTOMER_ATTRIBUTES, request.query) },
  { method: "GET", pattern: /^\/v2\/customer_groups$/, handler: (_store, request) => v2List(DEFAULT_CUSTOMER_GROUPS, request.query) },
  { method: "GET", pattern: /^\/v3\/catalog\/products\/(\d+)\/images$/, handler: productImages },
  { method: "POST", pattern: /^\/v3\/orders\/(\d+)\/payment_actions\/refund_quotes$/, handler: orderRoute(refundQuote, "v3") },
  { method: "POST", pattern: /^\/v3\/orders\/(\d+)\/payment_actions\/refunds$/, handler: orderRoute(createRefund, "v3") },
  { method: "GET", pattern: /^\/v3\/orders\/(\d+)\/payment_actions\/refunds$/, handler: orderRoute((store, id) => ({ status: 200, body: { data: store.refunds.get(id) ?? [], meta: {} } }), "v3") },
  { method: "GET", pattern: /^\/v3\/hooks$/, handler: (store, request) => ({ status: 200, body: { data: store.hooksOf(request.caller.clientId), meta: {} } }) },
  { method: "POST", pattern: /^\/v3\/hooks$/, handler: createHook },
  { method: "GET", pattern: /^\/v3\/hooks\/(\d+)$/, handler: hookRoute((_store, hook) => ({ status: 200, body: { data: hook } })) },
  {
    method: "PUT",
    pattern: /^\/v3\/hooks\/(\d+)$/,
    handler: hookRoute((_store, hook, request) => {
      Object.assign(hook, hookBody(record(request.body)), { updated_at: Math.floor(Date.now() / 1000) });
      return { status: 200, body: { data: hook } };
    }),
  },
  {
    method: "DELETE",
    pattern: /^\/v3\/hooks\/(\d+)$/,
    handler: hookRoute((store, hook) => {
      store.hooks.delete(hook.id);
      return { status: 200, body: { data: hook } };
    }),
  },
];

/** Finds the handler for a store-relative path (`/v2/orders/1`); null → 404. */
export function routeRequest(store: EmulatedStore, method: string, path: string, request: Omit<RouteRequest, "params" | "method">): RouteResult {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return route.handler(store, { ...request, method, params: match.slice(1) });
  }
  if (pathMatched) return { status: 405, body: { status: 405, title: "Method not allowed" } };
  return path.startsWith("/v3") ? v3Error(404, "Not found") : V2_NOT_FOUND;
}
