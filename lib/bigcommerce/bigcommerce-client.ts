import { STATUS_CODES } from "node:http";
import { request as undiciRequest } from "undici";
import { BigcommerceApiError } from "./bigcommerce-api-error.ts";
import type {
  BigcommerceCart,
  BigcommerceCartLineItemInput,
  BigcommerceCartRedirectUrls,
  BigcommerceCatalogProduct,
  BigcommerceCustomer,
  BigcommerceCustomerAttribute,
  BigcommerceCustomerGroup,
  BigcommercePagination,
  BigcommerceHook,
  BigcommerceHookInput,
  BigcommerceOrder,
  BigcommerceOrderMessage,
  BigcommerceOrderProduct,
  BigcommerceOrderStatus,
  BigcommerceProductImage,
  BigcommerceRefund,
  BigcommerceRefundItem,
  BigcommerceRefundPayment,
  BigcommerceRefundQuote,
  BigcommerceScript,
  BigcommerceScriptInput,
  BigcommerceShipment,
  BigcommerceShippingAddress,
  BigcommerceShippingAddressInput,
} from "./bigcommerce-types.ts";
import { rateLimitGateFor, readRateLimitHeaders, type RateLimitGate } from "./rate-limit-gate.ts";

export type BigcommerceClientOptions = {
  /** BIGCOMMERCE_API_URL: https://api.bigcommerce.com, or an emulator's URL. */
  apiUrl: string;
  storeHash: string;
  accessToken: string;
  /** Called once on a 401: the token was revoked or the app's scopes changed (the store must re-authorise). */
  onUnauthorized?: () => Promise<void>;
  /** 429s tolerated per call before giving up (each one waited out first). */
  maxRateLimitRetries?: number;
  timeoutMs?: number;
  gate?: RateLimitGate;
  /** Told every response's status, 429s included (a long job counts its API calls). */
  onResponse?: (status: number) => void;
};

export type CustomerPageQuery = {
  page: number;
  /** At most 250. */
  limit: number;
  dateModifiedMin?: Date;
};

export type ListOrdersQuery = {
  minDateModified?: Date;
  minId?: number;
  statusId?: number;
  customerId?: number;
  email?: string;
  sort?: "id:asc" | "id:desc" | "date_modified:asc" | "date_modified:desc" | "date_created:asc" | "date_created:desc";
  page?: number;
  limit?: number;
};

type Query = Record<string, string | number | undefined>;

/** V2 collection endpoints take at most this many per page. */
const V2_PAGE_LIMIT = 250;

function rfc2822(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

/** What the client reads of an answer. */
type Answer = { status: number; headers: { get(name: string): string | null }; text(): Promise<string>; discard(): Promise<void> };

/**
 * One exchange through undici's request API rather than fetch: a read cost 0.26 ms of CPU with
 * fetch (its web streams, a timer per AbortSignal.timeout) and 0.09 ms with a plain keep-alive
 * client, and the worker makes one or more per order event (docs/performance.md). Both keep
 * connections alive; neither follows redirects here (BigCommerce's API does not send them).
 */
async function send(url: URL, init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number }): Promise<Answer> {
  const response = await undiciRequest(url, {
    method: init.method as "GET",
    headers: init.headers,
    body: init.body,
    headersTimeout: init.timeoutMs,
    bodyTimeout: init.timeoutMs,
  });
  const { headers, body } = response;
  return {
    status: response.statusCode,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    text: () => body.text(),
    discard: () => body.dump(),
  };
}

async function errorMessage(response: Answer): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as unknown;
    // V2 errors are [{ status, message }], V3 errors { status, title, detail }.
    const first: unknown = Array.isArray(body) ? body[0] : body;
    if (first && typeof first === "object") {
      const { message, title, detail } = first as { message?: unknown; title?: unknown; detail?: unknown };
      const parts = [message, title, detail].filter((part): part is string => typeof part === "string" && part.length > 0);
      if (parts.length) return parts.join(" — ").slice(0, 300);
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 300) || STATUS_CODES[response.status] || "no detail";
}

/**
 * Tern's BigCommerce REST client: the endpoints Tern needs, one method each. It paces itself by
 * the store's rate-limit headers, waits out 429s (never retrying at once), and reports a 401 so
 * the store can be marked as needing re-authorisation. Tests and demo mode point `apiUrl` at the
 * emulator; nothing else differs.
 */
export function createBigcommerceClient(options: BigcommerceClientOptions) {
  const base = `${options.apiUrl.replace(/\/+$/, "")}/stores/${encodeURIComponent(options.storeHash)}`;
  const gate = options.gate ?? rateLimitGateFor(`${options.apiUrl}|${options.storeHash}`);
  const maxRetries = options.maxRateLimitRetries ?? 4;
  const timeoutMs = options.timeoutMs ?? 20_000;
  let unauthorizedReported = false;

  async function request<T>(method: string, path: string, init: { query?: Query; body?: unknown } = {}): Promise<T | null> {
    const url = new URL(`${base}${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    for (let attempt = 1; ; attempt += 1) {
      await gate.acquire();
      let response: Answer;
      try {
        response = await send(url, {
          method,
          headers: {
            "X-Auth-Token": options.accessToken,
            Accept: "application/json",
            ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          timeoutMs,
        });
      } catch (error) {
        gate.release();
        throw error;
      }
      options.onResponse?.(response.status);
      const limits = readRateLimitHeaders(response.headers);
      if (response.status === 429) {
        await response.discard();
        const wait = gate.tooManyRequests(limits, attempt);
        if (attempt > maxRetries) throw new BigcommerceApiError(429, method, path, `rate limited ${attempt} times in a row`);
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      gate.observe(limits);
      if (response.status === 401) {
        const message = await errorMessage(response);
        if (!unauthorizedReported) {
          unauthorizedReported = true;
          await options.onUnauthorized?.();
        }
        throw new BigcommerceApiError(401, method, path, message);
      }
      if (response.status < 200 || response.status > 299) throw new BigcommerceApiError(response.status, method, path, await errorMessage(response));
      // V2 collections answer 204 when empty.
      if (response.status === 204) return null;
      const text = await response.text();
      return text ? (JSON.parse(text) as T) : null;
    }
  }

  const list = async <T>(path: string, query?: Query): Promise<T[]> => (await request<T[]>("GET", path, { query })) ?? [];

  async function data<T>(method: string, path: string, init: { query?: Query; body?: unknown } = {}): Promise<T> {
    const body = await request<{ data: T }>(method, path, init);
    if (!body || !("data" in body)) throw new BigcommerceApiError(502, method, path, "response without data");
    return body.data;
  }

  return {
    apiUrl: options.apiUrl,
    storeHash: options.storeHash,

    /** null when BigCommerce has no such order (deleted, or another store's id). */
    async getOrder(orderId: number): Promise<BigcommerceOrder | null> {
      try {
        return await request<BigcommerceOrder>("GET", `/v2/orders/${orderId}`);
      } catch (error) {
        if (error instanceof BigcommerceApiError && error.status === 404) return null;
        throw error;
      }
    },
    listOrders(query: ListOrdersQuery = {}): Promise<BigcommerceOrder[]> {
      return list<BigcommerceOrder>("/v2/orders", {
        min_date_modified: query.minDateModified ? rfc2822(query.minDateModified) : undefined,
        min_id: query.minId,
        status_id: query.statusId,
        customer_id: query.customerId,
        email: query.email,
        sort: query.sort,
        page: query.page,
        limit: query.limit,
      });
    },
    getOrderProducts: (orderId: number) => list<BigcommerceOrderProduct>(`/v2/orders/${orderId}/products`, { limit: V2_PAGE_LIMIT }),
    getOrderShipments: (orderId: number) => list<BigcommerceShipment>(`/v2/orders/${orderId}/shipments`, { limit: V2_PAGE_LIMIT }),
    getOrderShippingAddresses: (orderId: number) => list<BigcommerceShippingAddress>(`/v2/orders/${orderId}/shipping_addresses`, { limit: V2_PAGE_LIMIT }),
    getOrderMessages: (orderId: number) => list<BigcommerceOrderMessage>(`/v2/orders/${orderId}/messages`, { limit: V2_PAGE_LIMIT }),
    getOrderStatuses: () => list<BigcommerceOrderStatus>("/v2/order_statuses"),
    /** GET /v2/store: the store's name and domain (the app shows the name; needs store_v2_information_read). */
    getStoreInfo: () => request<{ id?: string | number; name?: string; domain?: string }>("GET", "/v2/store"),
    /** PUT /v2/orders/{id}: order actions change the status (5 = Cancelled) or the staff notes. */
    async updateOrder(orderId: number, patch: { status_id?: number; staff_notes?: string }): Promise<BigcommerceOrder> {
      const order = await request<BigcommerceOrder>("PUT", `/v2/orders/${orderId}`, { body: patch });
      if (!order) throw new BigcommerceApiError(502, "PUT", `/v2/orders/${orderId}`, "response without the order");
      return order;
    },

    getCustomers(filter: { ids?: number[]; emails?: string[] }): Promise<BigcommerceCustomer[]> {
      return data<BigcommerceCustomer[]>("GET", "/v3/customers", {
        query: {
          "id:in": filter.ids?.length ? filter.ids.join(",") : undefined,
          "email:in": filter.emails?.length ? filter.emails.join(",") : undefined,
          include: "addresses,attributes",
        },
      });
    },

    /** PUT /v2/orders/{id}/shipping_addresses/{id}: a new shipping address on an order (needs store_v2_orders). */
    async updateOrderShippingAddress(orderId: number, addressId: number, address: BigcommerceShippingAddressInput): Promise<BigcommerceShippingAddress> {
      const path = `/v2/orders/${orderId}/shipping_addresses/${addressId}`;
      const updated = await request<BigcommerceShippingAddress>("PUT", path, { body: address });
      if (!updated) throw new BigcommerceApiError(502, "PUT", path, "response without the address");
      return updated;
    },
    /** PUT /v3/customers (a batch; Tern sends one): changes fields of a customer account (needs store_v2_customers). */
    async updateCustomer(customerId: number, patch: { phone?: string }): Promise<BigcommerceCustomer> {
      const updated = await data<BigcommerceCustomer[]>("PUT", "/v3/customers", { body: [{ id: customerId, ...patch }] });
      const customer = updated.find((entry) => entry.id === customerId);
      if (!customer) throw new BigcommerceApiError(502, "PUT", "/v3/customers", "response without the customer");
      return customer;
    },

    /** GET /v3/catalog/products?keyword= (needs store_v2_products_read_only): visible products matching a name or SKU. */
    searchProducts: (keyword: string, limit: number) =>
      data<BigcommerceCatalogProduct[]>("GET", "/v3/catalog/products", { query: { keyword, is_visible: "true", include: "variants,primary_image", limit } }),
    /** POST /v3/carts (needs store_cart): a cart for this customer (0 or absent: a guest's). */
    createCart: (input: { customerId: number | null; lineItems: BigcommerceCartLineItemInput[]; channelId?: number }) =>
      data<BigcommerceCart>("POST", "/v3/carts", {
        body: { ...(input.customerId ? { customer_id: input.customerId } : {}), line_items: input.lineItems, channel_id: input.channelId ?? 1 },
      }),
    /** POST /v3/carts/{id}/redirect_urls: the cart's checkout link (single use). */
    createCartRedirectUrls: (cartId: string) => data<BigcommerceCartRedirectUrls>("POST", `/v3/carts/${encodeURIComponent(cartId)}/redirect_urls`),
    /** One page of the store's customers, oldest first, with addresses and attributes (the import and reconciliation). */
    async listCustomersPage(query: CustomerPageQuery): Promise<{ customers: BigcommerceCustomer[]; pagination: BigcommercePagination | null }> {
      const body = await request<{ data?: BigcommerceCustomer[]; meta?: { pagination?: BigcommercePagination } }>("GET", "/v3/customers", {
        query: {
          page: query.page,
          limit: Math.min(250, Math.max(1, query.limit)),
          include: "addresses,attributes",
          sort: "date_created:asc",
          "date_modified:min": query.dateModifiedMin?.toISOString(),
        },
      });
      if (!body || !Array.isArray(body.data)) throw new BigcommerceApiError(502, "GET", "/v3/customers", "response without data");
      return { customers: body.data, pagination: body.meta?.pagination ?? null };
    },
    /** GET /v2/customer_groups (names for the tier mapping); a store has few, one page. */
    getCustomerGroups: () => list<BigcommerceCustomerGroup>("/v2/customer_groups", { limit: V2_PAGE_LIMIT }),
    /** GET /v3/customers/attributes: the store's attribute definitions (for the mapping page). */
    getCustomerAttributes: () => data<BigcommerceCustomerAttribute[]>("GET", "/v3/customers/attributes", { query: { limit: 250 } }),

    /** GET /v3/catalog/products/{id}/images (needs store_v2_products_read_only). */
    getProductImages: (productId: number) => data<BigcommerceProductImage[]>("GET", `/v3/catalog/products/${productId}/images`),

    createRefundQuote: (orderId: number, items: BigcommerceRefundItem[]) =>
      data<BigcommerceRefundQuote>("POST", `/v3/orders/${orderId}/payment_actions/refund_quotes`, { body: { items } }),
    createRefund: (orderId: number, body: { items: BigcommerceRefundItem[]; payments: BigcommerceRefundPayment[]; merchant_calculated_override?: unknown }) =>
      data<BigcommerceRefund>("POST", `/v3/orders/${orderId}/payment_actions/refunds`, { body }),

    /** Storefront scripts (needs store_v2_content; the checkout pages also store_content_checkout). */
    listScripts: () => data<BigcommerceScript[]>("GET", "/v3/content/scripts"),
    createScript: (script: BigcommerceScriptInput) => data<BigcommerceScript>("POST", "/v3/content/scripts", { body: script }),
    async deleteScript(uuid: string): Promise<void> {
      await request("DELETE", `/v3/content/scripts/${encodeURIComponent(uuid)}`);
    },

    listHooks: () => data<BigcommerceHook[]>("GET", "/v3/hooks"),
    createHook: (hook: BigcommerceHookInput) => data<BigcommerceHook>("POST", "/v3/hooks", { body: { is_active: true, ...hook } }),
    updateHook: (hookId: number, patch: Partial<BigcommerceHookInput>) => data<BigcommerceHook>("PUT", `/v3/hooks/${hookId}`, { body: patch }),
    async deleteHook(hookId: number): Promise<void> {
      await request("DELETE", `/v3/hooks/${hookId}`);
    },
  };
}

export type BigcommerceClient = ReturnType<typeof createBigcommerceClient>;
