import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore } from "@/lib/testing/factories.ts";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { isBigcommerceApiError } from "./bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "./bigcommerce-client-for-store.ts";
import { createBigcommerceClient, type BigcommerceClient } from "./bigcommerce-client.ts";
import { fetchOrderBundle } from "./fetch-order-bundle.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";
import { registerStoreWebhooks } from "./webhooks/register-store-webhooks.ts";
import { TERN_WEBHOOK_SCOPES } from "./webhooks/webhook-scopes.ts";

// Tern's production client against the emulator: only the base URL differs from BigCommerce.

let emulator: BigcommerceEmulator;
let counter = 0;

function freshStore(): { shop: EmulatedStore; client: BigcommerceClient } {
  const shop = emulator.store(`client-test-${(counter += 1)}`);
  // A gate of its own per test: pacing state never leaks from one test into another.
  return { shop, client: createBigcommerceClient({ apiUrl: emulator.url, storeHash: shop.hash, accessToken: shop.accessToken, gate: new RateLimitGate() }) };
}

function statuses(shop: EmulatedStore): number[] {
  return emulator.requests.filter((request) => request.storeHash === shop.hash).map((request) => request.status);
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

describe("endpoints", () => {
  it("reads an order with products, shipping addresses and shipments in BigCommerce's shapes", async () => {
    const { shop, client } = freshStore();
    const order = shop.createOrder({ guest: { email: "a@example.com", firstName: "A", lastName: "B" }, products: [{ name: "Mug", sku: "MUG-1", price: 12.5, quantity: 2 }] });
    shop.addShipment(order.id, { trackingNumber: "1Z1", carrier: "ups" });
    const bundle = (await fetchOrderBundle(client, order.id))!;
    expect(bundle.order).toMatchObject({ id: order.id, total_inc_tax: "25.0000", status_id: 2, status: "Shipped" });
    expect(bundle.order.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(bundle.order.products).toMatchObject({ resource: `/orders/${order.id}/products` });
    expect(bundle.products).toMatchObject([{ name: "Mug", sku: "MUG-1", quantity: 2, price_inc_tax: "12.5000" }]);
    expect(bundle.shippingAddresses).toHaveLength(1);
    expect(bundle.shipments).toMatchObject([{ tracking_number: "1Z1", tracking_carrier: "ups" }]);
    expect(await client.getOrderStatuses()).toHaveLength(15);
  });

  it("returns null for a missing order and [] for BigCommerce's 204 empty collections", async () => {
    const { shop, client } = freshStore();
    expect(await client.getOrder(424242)).toBeNull();
    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    expect(await client.getOrderShipments(order.id)).toEqual([]);
    expect(await client.getOrderMessages(order.id)).toEqual([]);
    expect(await client.listOrders({ minId: 10_000 })).toEqual([]);
    expect(statuses(shop)).toContain(204);
  });

  it("lists orders changed since a time, and finds V3 customers by id or email", async () => {
    const { shop, client } = freshStore();
    const ada = shop.createCustomer({ email: "ada@example.com", firstName: "Ada", lastName: "L" });
    shop.createOrder({ customerId: ada.id, products: [{ name: "Pen", sku: "P", price: 1 }], createdAt: new Date(Date.now() - 3_600_000) });
    const recent = shop.createOrder({ customerId: ada.id, products: [{ name: "Pen", sku: "P", price: 1 }] });
    expect((await client.listOrders({ minDateModified: new Date(Date.now() - 60_000) })).map((order) => order.id)).toEqual([recent.id]);
    expect((await client.getCustomers({ emails: ["ADA@example.com"] })).map((customer) => customer.id)).toEqual([ada.id]);
    expect((await client.getCustomers({ ids: [ada.id] }))[0]).toMatchObject({ first_name: "Ada", addresses: [expect.objectContaining({ customer_id: ada.id })] });
  });

  it("quotes and makes a refund; a payment that does not match the quote is refused (422)", async () => {
    const { shop, client } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Chair", sku: "C", price: 80 }, { name: "Lamp", sku: "L", price: 20 }] });
    const [chair] = shop.products.get(order.id)!;
    const items = [{ item_type: "PRODUCT" as const, item_id: chair!.id, quantity: 1 }];
    const quote = await client.createRefundQuote(order.id, items);
    expect(quote.total_refund_amount).toBe(80);
    const provider = quote.refund_methods[0]![0]!.provider_id;
    const wrong = await client.createRefund(order.id, { items, payments: [{ provider_id: provider, amount: 79, offline: false }] }).catch((error: unknown) => error);
    expect(isBigcommerceApiError(wrong, 422)).toBe(true);
    const refund = await client.createRefund(order.id, { items, payments: [{ provider_id: provider, amount: 80, offline: false }] });
    expect(refund.total_amount).toBe(80);
    expect((await client.getOrder(order.id))!.status_id).toBe(14);
  });

  it("registers Tern's hooks once, with the secret header, however often it is asked", async () => {
    const { shop, client } = freshStore();
    await registerStoreWebhooks(client, { destination: "https://tern.example/api/webhooks/bigcommerce", webhookSecret: "s1" });
    await registerStoreWebhooks(client, { destination: "https://tern.example/api/webhooks/bigcommerce", webhookSecret: "s2" });
    const hooks = await client.listHooks();
    expect(hooks.map((hook) => hook.scope).sort()).toEqual([...TERN_WEBHOOK_SCOPES].sort());
    expect(hooks.every((hook) => hook.is_active && hook.headers?.["X-Tern-Webhook-Secret"] === "s2")).toBe(true);
    expect(shop.hooks.size).toBe(TERN_WEBHOOK_SCOPES.length);
  });
});

describe("rate limits", () => {
  it("429 then success: waits the reset time and tries again", async () => {
    const { shop, client } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    shop.quota.exhaustNext(1);
    expect((await client.getOrder(order.id))!.id).toBe(order.id);
    expect(statuses(shop)).toEqual([429, 200]);
  });

  it("paces itself by X-Rate-Limit-Requests-Left: a spent quota is waited out, not hammered", async () => {
    const { shop, client } = freshStore();
    shop.quota.configure({ quota: 3, windowMs: 600 });
    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    const results = await Promise.all(Array.from({ length: 9 }, () => client.getOrder(order.id)));
    expect(results.every((result) => result?.id === order.id)).toBe(true);
    // Nine concurrent requests over a quota of three per window: the first one learns the quota,
    // the rest wait their turn. BigCommerce never has to answer 429.
    expect(statuses(shop)).toEqual(Array(9).fill(200));

    const sequential = freshStore();
    sequential.shop.quota.configure({ quota: 2, windowMs: 400 });
    const other = sequential.shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    for (let index = 0; index < 6; index += 1) await sequential.client.getOrder(other.id);
    expect(statuses(sequential.shop)).toEqual(Array(6).fill(200));
  });

  it("backs off on a 429 without rate-limit headers (platform load), then succeeds", async () => {
    const { shop, client } = freshStore();
    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    shop.failNext(/^\/v2\/orders\/\d+$/, 429);
    expect((await client.getOrder(order.id))!.id).toBe(order.id);
    expect(statuses(shop)).toEqual([429, 200]);
  });

  it("gives up after too many 429s in a row with an error the worker retries later", async () => {
    const { shop } = freshStore();
    const client = createBigcommerceClient({ apiUrl: emulator.url, storeHash: shop.hash, accessToken: shop.accessToken, gate: new RateLimitGate(), maxRateLimitRetries: 1 });
    shop.quota.exhaustNext(5);
    const error = await client.getOrder(1).catch((caught: unknown) => caught);
    expect(isBigcommerceApiError(error, 429)).toBe(true);
  });
});

describe("a server that misbehaves", () => {
  async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  }
  const clientOf = (url: string) => createBigcommerceClient({ apiUrl: url, storeHash: "hung", accessToken: "token", gate: new RateLimitGate(), timeoutMs: 300 });

  it("gives up on an answer that never comes, and on a body that stops halfway, instead of waiting for ever", async () => {
    const { url, server } = await serve((request, response) => {
      if (request.url?.includes("/orders/2")) {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.write('{"id": 2, "status');
      }
      // otherwise: no answer at all
    });
    try {
      const client = clientOf(url);
      await expect(client.getOrder(1)).rejects.toThrow();
      await expect(client.getOrder(2)).rejects.toThrow();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("reports an error answer that is not JSON by its status, with the body's start", async () => {
    const { url, server } = await serve((_request, response) => {
      response.writeHead(503, { "Content-Type": "text/html" });
      response.end("<html>maintenance</html>");
    });
    try {
      const error = await clientOf(url).getOrder(1).catch((caught: unknown) => caught);
      expect(isBigcommerceApiError(error, 503)).toBe(true);
      expect((error as Error).message).toContain("<html>maintenance</html>");
    } finally {
      server.close();
    }
  });
});

describe("authorisation", () => {
  it("a 401 marks the store as needing re-authorisation, and the error carries no token", async () => {
    const store = await createStore();
    const shop = await connectEmulatedStore(emulator, store);
    const client = (await bigcommerceClientForStore(db(), store.id))!;
    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    expect((await client.getOrder(order.id))!.id).toBe(order.id);

    const oldToken = shop.accessToken;
    shop.accessToken = "rotated-by-bigcommerce";
    const error = await client.getOrder(order.id).catch((caught: unknown) => caught);
    expect(isBigcommerceApiError(error, 401)).toBe(true);
    expect(String(error)).not.toContain(oldToken);
    expect((await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { status: true } })).status).toBe("NEEDS_REAUTH");
  });

  it("reuses a client for maxAgeMs without reading the token again, and never one that got a 401", async () => {
    const store = await createStore();
    const shop = await connectEmulatedStore(emulator, store);
    const first = await bigcommerceClientForStore(db(), store.id, { maxAgeMs: 60_000 });
    expect(await bigcommerceClientForStore(db(), store.id, { maxAgeMs: 60_000 })).toBe(first);
    expect(await bigcommerceClientForStore(db(), store.id)).not.toBe(first);

    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    shop.accessToken = "rotated-by-bigcommerce";
    expect(isBigcommerceApiError(await first!.getOrder(order.id).catch((caught: unknown) => caught), 401)).toBe(true);
    expect(await bigcommerceClientForStore(db(), store.id, { maxAgeMs: 60_000 })).not.toBe(first);
  });

  it("blames only the token that got the 401: a client older than a re-install leaves the store active", async () => {
    const store = await createStore();
    const shop = await connectEmulatedStore(emulator, store);
    const before = (await bigcommerceClientForStore(db(), store.id))!;
    const order = shop.createOrder({ products: [{ name: "Pen", sku: "P", price: 1 }] });
    // A re-install: BigCommerce issues a new token and Tern stores it.
    shop.accessToken = "issued-by-the-reinstall";
    await db().store.update({ where: { id: store.id }, data: { accessTokenEncrypted: sealSecret(shop.accessToken) } });

    expect(isBigcommerceApiError(await before.getOrder(order.id).catch((caught: unknown) => caught), 401)).toBe(true);
    expect((await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { status: true } })).status).toBe("ACTIVE");
    const after = (await bigcommerceClientForStore(db(), store.id))!;
    expect((await after.getOrder(order.id))!.id).toBe(order.id);
  });

  it("has no client for a store without a token", async () => {
    const store = await createStore();
    expect(await bigcommerceClientForStore(db(), store.id)).toBeNull();
  });
});
