import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { API_ACCOUNTS_PATH, apiAccountsPage } from "./api-accounts-page.ts";
import { controlPanelPage } from "./control-panel-page.ts";
import { callerHasScope, scopeForRequest } from "./emulated-api-account.ts";
import { EmulatedOauth, type EmulatedApp } from "./emulated-oauth.ts";
import { deliverWebhook, signatureHeaders, webhookEnvelope, type WebhookDelivery } from "./deliver-webhook.ts";
import { EmulatedStore, type EmulatedStoreState, type StoreEvent } from "./emulated-store.ts";
import { routeRequest, type RouteResult } from "./emulator-routes.ts";
import { PRODUCT_IMAGE_PATH, productImageSvg } from "./product-image.ts";

export type BigcommerceEmulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Every store's quota per window (BigCommerce: 150 per 30 s on Standard/Plus). */
  rateLimit?: { quota?: number; windowMs?: number };
  /** When set, deliveries carry Standard Webhooks signatures made with this (the app's client secret). */
  signingSecret?: string;
  /** First order id of every new store (demo mode continues after the orders Tern already knows). */
  startOrderId?: number;
  /** The app BigCommerce knows: /oauth2/token checks these, signed payloads use the secret (defaults: signingSecret). */
  app?: Partial<EmulatedApp>;
  /** A store's data from an earlier run (demo mode keeps it across restarts); a store without one starts empty. */
  restoreStore?: (hash: string) => EmulatedStoreState | undefined;
  /** Called after each change a store announces (to keep its state). */
  onStoreChange?: (store: EmulatedStore) => void;
};

export type FireWebhookOptions = {
  /** Send only here (with only `headers`), instead of to the store's registered hooks. */
  destination?: string;
  headers?: Record<string, string>;
  createdAt?: number;
  hash?: string;
};

export type ApiRequestRecord = { storeHash: string; method: string; path: string; status: number; at: Date };

export type BigcommerceEmulator = {
  /** BIGCOMMERCE_API_URL for Tern: stores live under `${url}/stores/{hash}`. */
  url: string;
  /** The store with this hash, created with a fresh access token on first use. */
  store: (hash: string) => EmulatedStore;
  /** Posts one event to the store's hooks for `scope` (or to `options.destination`), the way BigCommerce does. */
  fireWebhook: (storeHash: string, scope: string, data: Record<string, unknown>, options?: FireWebhookOptions) => Promise<WebhookDelivery[]>;
  /** Sends a delivery again, byte for byte: BigCommerce's retries and duplicates look like this. */
  redeliver: (delivery: WebhookDelivery) => Promise<WebhookDelivery>;
  /** Waits until every webhook the stores' changes set off so far has been delivered. */
  flushWebhooks: () => Promise<void>;
  deliveries: WebhookDelivery[];
  requests: ApiRequestRecord[];
  /** BIGCOMMERCE_LOGIN_URL is `url` too: install codes, /oauth2/token, signed payloads, uninstall. */
  oauth: EmulatedOauth;
  close: () => Promise<void>;
};

const MAX_BODY = 1024 * 1024;
const STORE_PATH = /^\/stores\/([^/]+)(\/v[23]\/.*)$/;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, result: RouteResult, headers: Record<string, string> = {}): void {
  if (response.destroyed) return;
  const body = result.body === undefined ? "" : JSON.stringify(result.body);
  response.writeHead(result.status, { ...headers, ...(body ? { "content-type": "application/json" } : {}) });
  response.end(body);
}

/**
 * A BigCommerce stand-in for tests, benchmarks and demo mode: the REST endpoints Tern calls
 * (same paths, X-Auth-Token, V2/V3 shapes, X-Rate-Limit-* headers and 429s) over its own
 * in-memory stores, and webhook deliveries (light envelope, registered custom headers) to
 * the hooks registered through /v3/hooks. Tern's production client talks to it unchanged.
 */
export async function startBigcommerceEmulator(options: BigcommerceEmulatorOptions = {}): Promise<BigcommerceEmulator> {
  const stores = new Map<string, EmulatedStore>();
  const deliveries: WebhookDelivery[] = [];
  const requests: ApiRequestRecord[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function deliverTo(store: EmulatedStore, event: StoreEvent, fire: FireWebhookOptions = {}): Promise<WebhookDelivery[]> {
    const body = JSON.stringify(webhookEnvelope({ storeHash: store.hash, storeId: store.storeId, scope: event.scope, data: event.data, createdAt: fire.createdAt, hash: fire.hash }));
    const signed = (headers: Record<string, string>) => (options.signingSecret ? { ...headers, ...signatureHeaders(options.signingSecret, body) } : headers);
    const targets = fire.destination
      ? [{ hookId: null, destination: fire.destination, headers: fire.headers ?? {} }]
      : store.hooksFor(event.scope).map((hook) => ({ hookId: hook.id, destination: hook.destination, headers: { ...hook.headers, ...fire.headers } }));
    const results: WebhookDelivery[] = [];
    for (const target of targets) {
      const delivery = await deliverWebhook({ scope: event.scope, destination: target.destination, hookId: target.hookId, body, headers: signed(target.headers) });
      deliveries.push(delivery);
      results.push(delivery);
    }
    return results;
  }

  function store(hash: string): EmulatedStore {
    let existing = stores.get(hash);
    if (!existing) {
      const created: EmulatedStore = new EmulatedStore(hash, {
        startOrderId: options.startOrderId,
        state: options.restoreStore?.(hash),
        onAccountsChange: () => options.onStoreChange?.(created),
        // Deliveries go out one after another, in the order the changes happened (BigCommerce
        // promises no order; tests of disorder fire by hand).
        emit: (event) => {
          options.onStoreChange?.(created);
          queue = queue.then(() => deliverTo(created, event).then(() => undefined));
        },
      });
      if (options.rateLimit) created.quota.configure(options.rateLimit);
      stores.set(hash, created);
      existing = created;
    }
    return existing;
  }

  const oauth = new EmulatedOauth(
    { clientId: options.app?.clientId ?? "tern-emulated-client", clientSecret: options.app?.clientSecret ?? options.signingSecret ?? "tern-emulated-secret" },
    store,
  );

  async function handle(request: IncomingMessage, response: ServerResponse, baseUrl: string): Promise<void> {
    const url = new URL(request.url ?? "/", baseUrl);
    if (url.pathname === "/oauth2/token" && request.method === "POST") {
      const text = await readBody(request);
      return send(response, oauth.exchange(text ? (JSON.parse(text) as unknown) : undefined));
    }
    const accounts = API_ACCOUNTS_PATH.exec(url.pathname);
    if (accounts && (request.method === "GET" || request.method === "POST")) {
      const page = apiAccountsPage(store(accounts[1]!), request.method, baseUrl);
      return void response.writeHead(page.status, { "content-type": "text/html; charset=utf-8" }).end(page.html);
    }
    const panel = await controlPanelPage(oauth, url.pathname, url.searchParams);
    if (panel) return void response.writeHead(panel.status, { "content-type": "text/html; charset=utf-8" }).end(panel.html);
    // Product pictures sit on a public CDN at BigCommerce: no token, no quota.
    const image = PRODUCT_IMAGE_PATH.exec(url.pathname);
    if (image && request.method === "GET") {
      return void response.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" }).end(productImageSvg(Number(image[1])));
    }
    const match = STORE_PATH.exec(url.pathname);
    const shop = match ? stores.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !shop) return send(response, { status: 404, body: { status: 404, title: "Store not found" } });
    const path = match[2]!;
    const method = request.method ?? "GET";
    const record = (status: number) => requests.push({ storeHash: shop.hash, method, path, status, at: new Date() });

    const token = request.headers["x-auth-token"];
    // The app's token, or one of the store's API accounts' (a token of another store is nobody here).
    const caller = shop.callerFor(typeof token === "string" ? token : undefined);
    if (!caller) {
      record(401);
      const body = path.startsWith("/v3") ? { status: 401, title: "Unauthorized", type: "about:blank" } : [{ status: 401, message: "You are not authorized to access this resource." }];
      return send(response, { status: 401, body });
    }
    const needed = scopeForRequest(method, path);
    if (needed && !callerHasScope(caller, needed)) {
      record(403);
      const title = `You don't have a required scope to access the endpoint: ${needed}`;
      return send(response, { status: 403, body: path.startsWith("/v3") ? { status: 403, title, type: "about:blank" } : [{ status: 403, message: title }] });
    }
    const reading = shop.quota.take();
    const limitHeaders = {
      "x-rate-limit-time-window-ms": String(reading.windowMs),
      "x-rate-limit-time-reset-ms": String(reading.resetMs),
      "x-rate-limit-requests-quota": String(reading.quota),
      "x-rate-limit-requests-left": String(reading.left),
    };
    if (!reading.allowed) {
      record(429);
      return send(response, { status: 429, body: { status: 429, title: "Too many requests" } }, limitHeaders);
    }
    const injected = shop.takeInjection(path);
    if (injected?.hold) await injected.hold;
    if (injected?.status) {
      record(injected.status);
      // An injected 429 carries no rate-limit headers: BigCommerce's "platform under load" case.
      return send(response, { status: injected.status, body: { status: injected.status, title: "Injected failure" } }, injected.status === 429 ? {} : limitHeaders);
    }
    let body: unknown;
    try {
      const text = await readBody(request);
      body = text ? JSON.parse(text) : undefined;
    } catch {
      record(400);
      return send(response, { status: 400, body: { status: 400, title: "Malformed JSON" } }, limitHeaders);
    }
    const result = routeRequest(shop, method, path, { query: url.searchParams, body, baseUrl, caller });
    record(result.status);
    send(response, result, limitHeaders);
  }

  let baseUrl = "";
  const server = createServer((request, response) => {
    handle(request, response, baseUrl).catch((error: unknown) => {
      send(response, { status: 500, body: { status: 500, title: error instanceof Error ? error.message : "Emulator error" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`;

  return {
    url: baseUrl,
    store,
    fireWebhook: (storeHash, scope, data, fire) => deliverTo(store(storeHash), { scope, data }, fire),
    redeliver: async (delivery) => {
      const again = await deliverWebhook({ scope: delivery.scope, destination: delivery.destination, hookId: delivery.hookId, body: delivery.body, headers: delivery.headers });
      deliveries.push(again);
      return again;
    },
    flushWebhooks: async () => {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    deliveries,
    requests,
    oauth,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
