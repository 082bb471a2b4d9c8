import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as storefrontChatLink } from "@/app/api/telegram/chat-link/route.ts";
import { POST as issueChatLink } from "@/app/api/v1/telegram/chat-links/route.ts";
import { PUT as installScript } from "@/app/api/v1/telegram/storefront-script/route.ts";
import { POST as verifyChat } from "@/app/api/v1/tickets/[id]/verify-chat/route.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { readStartToken } from "@/lib/chat-links/start-link.ts";
import { db } from "@/lib/db/client.ts";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.ts";
import { createTicket, createUser } from "@/lib/testing/factories.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";

let harness: TelegramHarness;
let adminToken: string;
let agentToken: string;

beforeAll(async () => {
  harness = await startTelegramHarness();
  const admin = await createUser(harness.store.id, { role: "ADMIN" });
  const agent = await createUser(harness.store.id, { role: "AGENT" });
  adminToken = (await createApiToken(db(), { storeId: harness.store.id, userId: admin.id, name: "links-admin" })).token;
  agentToken = (await createApiToken(db(), { storeId: harness.store.id, userId: agent.id, name: "links-agent" })).token;
});

afterAll(async () => {
  await harness.close();
});

const noParams = { params: Promise.resolve({}) };

function api(path: string, token: string, init: { method?: string; body?: unknown } = {}): Request {
  return new Request(`http://tern.test/api/v1${path}`, {
    method: init.method ?? "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

function storefront(query: string, address = "203.0.113.7"): Request {
  return new Request(`http://tern.test/api/telegram/chat-link?${query}`, { headers: { [CLIENT_ADDRESS_HEADER]: address } });
}

function tokenOf(location: string | null): string {
  const url = new URL(location ?? "");
  return url.searchParams.get("start") ?? "";
}

describe("POST /api/v1/telegram/chat-links", () => {
  it("issues a signed, single-store link for an order with its QR code", async () => {
    expect((await issueChatLink(api("/telegram/chat-links", agentToken, { body: { bigcommerceOrderId: 4242 } }), noParams)).status).toBe(403);
    const response = await issueChatLink(api("/telegram/chat-links", adminToken, { body: { bigcommerceOrderId: 4242 } }), noParams);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { url: string; qrSvg: string; expiresAt: string };
    expect(body.url).toMatch(new RegExp(`^https://t\\.me/${harness.bot.username}\\?start=[A-Za-z0-9_-]{42}$`));
    expect(body.qrSvg).toContain("<svg");
    const reading = readStartToken(harness.store.id, tokenOf(body.url));
    expect(reading).toMatchObject({ ok: true, claim: { kind: "order", orderId: 4242 } });
    expect(await db().auditLog.count({ where: { storeId: harness.store.id, action: "telegram.chat_link_issued", targetId: "4242" } })).toBe(1);
  });

  it("refuses bodies that name nothing or too much", async () => {
    for (const body of [{}, { bigcommerceOrderId: 0 }, { bigcommerceOrderId: 2_147_483_648 }, { bigcommerceOrderId: 1, bigcommerceCustomerId: 1 }, { bigcommerceOrderId: "1" }]) {
      const response = await issueChatLink(api("/telegram/chat-links", adminToken, { body }), noParams);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
  });
});

describe("GET /api/telegram/chat-link (the storefront snippet's link)", () => {
  it("sends the order's buyer on with a signed link, anyone else to the plain bot, in the same way", async () => {
    const order = harness.shop.createOrder({ guest: { email: "buyer@example.com", firstName: "Bo", lastName: "B" }, products: [{ name: "Hat", sku: "HAT-1", price: 25 }] }, { silent: true });
    const hash = encodeURIComponent(harness.store.bigcommerceHash);
    const good = await storefrontChatLink(storefront(`store=${hash}&order=${order.id}&email=Buyer%40Example.com`));
    expect(good.status).toBe(302);
    expect(good.headers.get("cache-control")).toBe("no-store");
    expect(readStartToken(harness.store.id, tokenOf(good.headers.get("location")))).toMatchObject({ ok: true, claim: { orderId: order.id } });

    const plain = `https://t.me/${harness.bot.username}`;
    const wrongEmail = await storefrontChatLink(storefront(`store=${hash}&order=${order.id}&email=someone%40example.com`, "198.51.100.1"));
    const noOrder = await storefrontChatLink(storefront(`store=${hash}&order=99999999&email=someone%40example.com`, "198.51.100.1"));
    expect([wrongEmail.status, wrongEmail.headers.get("location")]).toEqual([302, plain]);
    expect([noOrder.status, noOrder.headers.get("location")]).toEqual([302, plain]);
  });

  it("stops handing out links for an order after five wrong emails", async () => {
    const order = harness.shop.createOrder({ guest: { email: "target@example.com", firstName: "T", lastName: "T" }, products: [{ name: "Hat", sku: "HAT-1", price: 25 }] }, { silent: true });
    const hash = encodeURIComponent(harness.store.bigcommerceHash);
    for (let guess = 0; guess < 5; guess += 1) await storefrontChatLink(storefront(`store=${hash}&order=${order.id}&email=g${guess}%40example.com`, `192.0.2.${guess}`));
    const right = await storefrontChatLink(storefront(`store=${hash}&order=${order.id}&email=target%40example.com`, "192.0.2.99"));
    expect(right.headers.get("location")).toBe(`https://t.me/${harness.bot.username}`);
  });

  it("lets no more than five guesses at once reach the store, however many arrive together", async () => {
    const order = harness.shop.createOrder({ guest: { email: "racer@example.com", firstName: "R", lastName: "R" }, products: [{ name: "Hat", sku: "HAT-1", price: 25 }] }, { silent: true });
    const hash = encodeURIComponent(harness.store.bigcommerceHash);
    const lookups = () => harness.bigcommerce.requests.filter((request) => request.method === "GET" && request.storeHash === harness.shop.hash && request.path === `/v2/orders/${order.id}`).length;
    const before = lookups();
    await Promise.all(Array.from({ length: 30 }, (_, guess) => storefrontChatLink(storefront(`store=${hash}&order=${order.id}&email=r${guess}%40example.com`, `192.0.2.${100 + guess}`))));
    expect(lookups() - before).toBeLessThanOrEqual(5);
  });

  it("answers hostile queries with 4xx in the error shape", async () => {
    const hash = encodeURIComponent(harness.store.bigcommerceHash);
    for (const query of ["", `store=${hash}`, `store=a%00b&order=1&email=a%40b.c`, `store=${hash}&order=-1&email=a%40b.c`, `store=${hash}&order=1e99&email=a%40b.c`, `store=${"h".repeat(900)}&order=1&email=a%40b.c`]) {
      const response = await storefrontChatLink(storefront(query));
      expect(response.status, query).toBe(422);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
    }
    const unknown = await storefrontChatLink(storefront("store=nosuchstore&order=1&email=a%40b.c"));
    expect(unknown.status).toBe(404);
  });
});

describe("PUT /api/v1/telegram/storefront-script", () => {
  it("is refused in words without the checkout-content scope, and installs once with it", async () => {
    await db().store.update({ where: { id: harness.store.id }, data: { scope: "store_v2_orders" } });
    const refused = await installScript(api("/telegram/storefront-script", adminToken, { method: "PUT" }), noParams);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("store_content_checkout");
    expect(harness.shop.scripts.size).toBe(0);

    await db().store.update({ where: { id: harness.store.id }, data: { scope: "store_v2_orders store_v2_content store_content_checkout" } });
    for (let time = 0; time < 2; time += 1) expect((await installScript(api("/telegram/storefront-script", adminToken, { method: "PUT" }), noParams)).status).toBe(200);
    const scripts = [...harness.shop.scripts.values()];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ kind: "script_tag", visibility: "order_confirmation", auto_uninstall: true });
    expect(scripts[0]!.html).toContain(`/api/telegram/chat-link?store=${encodeURIComponent(harness.store.bigcommerceHash)}&order=%%ORDER_ID%%`);
  });

  it("is for admins only", async () => {
    expect((await installScript(api("/telegram/storefront-script", agentToken, { method: "PUT" }), noParams)).status).toBe(403);
  });
});

describe("POST /api/v1/tickets/:id/verify-chat", () => {
  it("refuses hostile bodies and tickets without a chat", async () => {
    const ticket = await createTicket(harness.store.id, { subject: "No chat here" });
    const params = { params: Promise.resolve({ id: ticket.ticket.id }) };
    for (const body of [{}, { bigcommerceOrderId: -1 }, { bigcommerceOrderId: "1; DROP" }, { bigcommerceOrderId: 1, customerId: "x" }]) {
      expect((await verifyChat(api(`/tickets/${ticket.ticket.id}/verify-chat`, agentToken, { body }), params)).status, JSON.stringify(body)).toBe(422);
    }
    const noChat = await verifyChat(api(`/tickets/${ticket.ticket.id}/verify-chat`, agentToken, { body: { bigcommerceOrderId: 1 } }), params);
    expect(noChat.status).toBe(422);
    const missing = await verifyChat(api("/tickets/nope/verify-chat", agentToken, { body: { bigcommerceOrderId: 1 } }), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });
});
