import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readSessionCookie } from "@/lib/auth/session-token.ts";
import { TERN_WEBHOOK_SCOPES } from "@/lib/bigcommerce/webhooks/webhook-scopes.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import { openBigcommerceSecret } from "@/lib/crypto/webhook-secrets.ts";
import { db } from "@/lib/db/client.ts";
import { APP_CLIENT_ID, type EmulatedApiAccount } from "@/lib/emulators/bigcommerce/emulated-api-account.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { createTicket, createUser } from "@/lib/testing/factories.ts";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import * as authRoute from "../../../bigcommerce/auth/route.ts";
import * as connectRoute from "../../../connect/route.ts";
import * as webhookRoute from "../../../webhooks/bigcommerce/route.ts";
import * as connectionRoute from "./route.ts";

// Connecting a store with a store-level API account, over real HTTP: Tern's routes behind a small
// server, BigCommerce's side (API accounts with their scopes, /v2/store, /v3/hooks per client)
// in the emulator, reached through Tern's production client with only the base URL changed.

const CLIENT_ID = "tern-connect-test-client";
const CLIENT_SECRET = "tern-connect-test-secret";
const SETUP_CODE = "setup-code-for-connect-tests";
const OWNER = { id: 8101, email: "owner@connect.test", username: "Olive Owner" };

let emulator: BigcommerceEmulator;
let tern: RouteServer;
// Everything Tern wrote to the console during the tests: no token may appear in it.
const logged: string[] = [];

const hashes: string[] = [];
function newHash(): string {
  const hash = `c${randomBytes(5).toString("hex")}`;
  hashes.push(hash);
  return hash;
}

let addressCounter = 0;
/** A fresh client address per request group: wrong setup codes are counted per address. */
function newAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

function apiPath(hash: string): string {
  return `${emulator.url}/stores/${hash}/v3/`;
}

// The replies' JSON, loosely: each test reads the fields it checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads arbitrary reply fields
type Reply = Record<string, any>;

async function call(method: string, path: string, options: { body?: unknown; cookie?: string; address?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-tern-client-address": options.address ?? newAddress() };
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${tern.url}${path}`, { method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)), redirect: "manual" });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : null) as Reply, setCookie: response.headers.getSetCookie() };
}

function firstConnection(hash: string, account: { accessToken: string }, overrides: Record<string, unknown> = {}) {
  return {
    apiPath: apiPath(hash),
    accessToken: account.accessToken,
    setupCode: SETUP_CODE,
    admin: { name: "Ada Admin", email: `ada-${hash}@connect.test`, password: "a long enough password" },
    ...overrides,
  };
}

/** A store created in the emulator with an API account, connected through /api/connect; the admin's cookie. */
async function connectFirst(account?: EmulatedApiAccount) {
  const hash = newHash();
  const shop = emulator.store(hash);
  const created = account ?? shop.createApiAccount();
  const reply = await call("POST", "/api/connect", { body: firstConnection(hash, created) });
  expect(reply.status, reply.text).toBe(201);
  const cookie = reply.setCookie[0]!.split(";")[0]!;
  const store = await db().store.findUniqueOrThrow({ where: { bigcommerceHash: hash }, select: { id: true } });
  return { hash, shop, account: created, cookie, storeId: store.id, reply };
}

function tokenFree(text: string, ...tokens: string[]): void {
  for (const token of tokens) expect(text).not.toContain(token);
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  tern = await startRouteServer({
    "/api/connect": connectRoute,
    "/api/v1/store/connection": connectionRoute,
    "/api/bigcommerce/auth": authRoute,
    "/api/webhooks/bigcommerce": webhookRoute,
  });
  Object.assign(process.env, {
    BIGCOMMERCE_CLIENT_ID: CLIENT_ID,
    BIGCOMMERCE_CLIENT_SECRET: CLIENT_SECRET,
    BIGCOMMERCE_LOGIN_URL: emulator.url,
    BIGCOMMERCE_API_URL: emulator.url,
    NEXTAUTH_URL: tern.url,
    TERN_SETUP_CODE: SETUP_CODE,
  });
  for (const level of ["log", "info", "warn", "error"] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
      original(...args);
    });
  }
});

afterEach(() => {
  process.env.TERN_SETUP_CODE = SETUP_CODE;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await tern?.close();
  await emulator?.close();
});

describe("first connection (POST /api/connect)", () => {
  it("checks the account live, stores the token sealed, registers every hook with the store's secret, makes the first admin and signs them in", async () => {
    const { hash, shop, account, cookie, storeId, reply } = await connectFirst();
    tokenFree(reply.text, account.accessToken);
    expect(reply.body.connection).toMatchObject({ bigcommerceHash: hash, status: "ACTIVE", connectionKind: "API_ACCOUNT", connected: true, name: `Emulated store ${hash}` });
    expect(reply.body.webhooks).toEqual({ ok: true, hooks: TERN_WEBHOOK_SCOPES.length, removed: 0 });
    expect(reply.body.missingOptional).toEqual([]);
    expect(reply.setCookie[0]).toMatch(/^next-auth\.session-token=.*HttpOnly; SameSite=Lax/);

    const row = await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { accessTokenEncrypted: true, webhookSecretSealed: true, scope: true } });
    expect(row.accessTokenEncrypted).not.toContain(account.accessToken);
    expect(openSecret(row.accessTokenEncrypted!)).toBe(account.accessToken);
    expect(row.scope).toContain("store_v2_orders_read_only");
    const secret = openBigcommerceSecret(row.webhookSecretSealed)!;

    // The hooks belong to the API account (BigCommerce keeps them per client), with the secret header.
    const hooks = shop.hooksOf(account.clientId);
    expect(hooks.map((hook) => hook.scope).sort()).toEqual([...TERN_WEBHOOK_SCOPES].sort());
    for (const hook of hooks) expect(hook).toMatchObject({ destination: `${tern.url}/api/webhooks/bigcommerce`, is_active: true, headers: { [WEBHOOK_SECRET_HEADER]: secret } });
    expect(shop.hooksOf(APP_CLIENT_ID)).toEqual([]);

    const session = await readSessionCookie(cookie);
    const admin = await db().user.findUniqueOrThrow({ where: { id: session!.userId }, select: { storeId: true, role: true, email: true, passwordHash: true } });
    expect(admin).toMatchObject({ storeId, role: "ADMIN", email: `ada-${hash}@connect.test` });
    expect(admin.passwordHash).toMatch(/^scrypt\$/);
    expect(await db().auditLog.count({ where: { storeId, action: "store.connected_api_account" } })).toBe(1);

    // Health, as for app installs, with the new session.
    const health = await call("GET", "/api/v1/store/connection", { cookie });
    expect(health.status).toBe(200);
    expect(health.body.store).toMatchObject({ connectionKind: "API_ACCOUNT", connected: true });
    expect(health.body.health).toHaveProperty("alerts");
    tokenFree(health.text, account.accessToken);

    // A webhook BigCommerce sends through those hooks is accepted.
    shop.createOrder({ guest: { email: "buyer@connect.test", firstName: "Bea", lastName: "Buyer" }, products: [{ name: "Mug", sku: "MUG-1", price: 12 }] });
    await emulator.flushWebhooks();
    const delivery = emulator.deliveries.filter((entry) => entry.destination.startsWith(tern.url) && entry.body.includes(hash)).at(-1);
    expect(delivery?.status).toBe(200);
  });

  it("asks for the setup code before anything else: a wrong one is 403 and BigCommerce is never asked; none configured is 404; repeated guesses are slowed (429)", async () => {
    const hash = newHash();
    const account = emulator.store(hash).createApiAccount();
    const address = newAddress();
    const wrong = await call("POST", "/api/connect", { body: firstConnection(hash, account, { setupCode: "guess" }), address });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("FORBIDDEN");
    expect(emulator.requests.filter((request) => request.storeHash === hash)).toEqual([]);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(0);

    for (let attempt = 0; attempt < 4; attempt += 1) await call("POST", "/api/connect", { body: firstConnection(hash, account, { setupCode: `guess-${attempt}` }), address });
    const slowed = await call("POST", "/api/connect", { body: firstConnection(hash, account), address });
    expect(slowed.status).toBe(429);

    process.env.TERN_SETUP_CODE = "";
    const off = await call("POST", "/api/connect", { body: firstConnection(hash, account) });
    expect(off.status).toBe(404);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(0);
  });

  it("never takes over a store Tern already has, even with the setup code and a valid token (409): its admins change it signed in", async () => {
    const { hash, shop, storeId } = await connectFirst();
    const second = shop.createApiAccount({ name: "Another" });
    const reply = await call("POST", "/api/connect", { body: firstConnection(hash, second, { admin: { name: "Mallory", email: "mallory@evil.test", password: "a long enough password" } }) });
    expect(reply.status).toBe(409);
    expect(reply.setCookie).toEqual([]);
    expect(await db().user.count({ where: { storeId, email: "mallory@evil.test" } })).toBe(0);
    const row = await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { accessTokenEncrypted: true } });
    expect(openSecret(row.accessTokenEncrypted!)).not.toBe(second.accessToken);
  });

  it("refuses bad input with 400/422 and the error shape, echoing no token", async () => {
    const hash = newHash();
    const account = emulator.store(hash).createApiAccount();
    const cases: Array<[unknown, number]> = [
      [{ ...firstConnection(hash, account), apiPath: "https://evil.example/stores/abc/v3/" }, 422],
      [{ ...firstConnection(hash, account), apiPath: `${emulator.url}/stores/../v3/` }, 422],
      [{ ...firstConnection(hash, account), apiPath: "x".repeat(301) }, 422],
      [{ ...firstConnection(hash, account), accessToken: `${account.accessToken} DROP TABLE` }, 422],
      [{ ...firstConnection(hash, account), accessToken: "t".repeat(201) }, 422],
      [{ ...firstConnection(hash, account), admin: { name: "A", email: "not-an-email", password: "a long enough password" } }, 422],
      [{ ...firstConnection(hash, account), admin: { name: "A", email: "a@b.test", password: "short" } }, 422],
      [{ ...firstConnection(hash, account), extra: true }, 422],
      [[1, 2, 3], 422],
    ];
    for (const [body, status] of cases) {
      const reply = await call("POST", "/api/connect", { body });
      expect(reply.status, JSON.stringify(body).slice(0, 120)).toBe(status);
      expect(reply.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      tokenFree(reply.text, account.accessToken);
    }
    expect((await call("POST", "/api/connect", { raw: "{not json" })).status).toBe(400);
    expect((await call("POST", "/api/connect", { raw: "" })).status).toBe(400);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(0);
  });
});

describe("the emulated control panel's API accounts page", () => {
  it("creates an account a merchant can paste into Tern, showing its path and token once", async () => {
    const hash = newHash();
    const pageUrl = `${emulator.url}/control-panel/stores/${hash}/settings/api-accounts`;
    const created = await (await fetch(pageUrl, { method: "POST" })).text();
    const path = /<dd id="api-path">([^<]+)<\/dd>/.exec(created)?.[1];
    const token = /<dd id="access-token">([^<]+)<\/dd>/.exec(created)?.[1];
    expect(path).toBe(apiPath(hash));
    expect(token).toBeTruthy();
    expect(await (await fetch(pageUrl)).text()).not.toContain(token!);
    const reply = await call("POST", "/api/connect", { body: firstConnection(hash, { accessToken: token! }) });
    expect(reply.status, reply.text).toBe(201);
  });
});

describe("checking the API account live", () => {
  async function firstReply(hash: string, accessToken: string) {
    return call("POST", "/api/connect", { body: firstConnection(hash, { accessToken }) });
  }

  it("a token of another store, a deleted account's token, or an unknown store is 422, and nothing is kept", async () => {
    const hash = newHash();
    emulator.store(hash);
    const otherStoresToken = emulator.store(newHash()).createApiAccount().accessToken;
    const foreign = await firstReply(hash, otherStoresToken);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toContain("refused this access token");
    tokenFree(foreign.text, otherStoresToken);

    const deleted = emulator.store(hash).createApiAccount();
    emulator.store(hash).deleteApiAccount(deleted.clientId);
    expect((await firstReply(hash, deleted.accessToken)).status).toBe(422);

    const unknown = await call("POST", "/api/connect", { body: firstConnection("nosuchstore1", { accessToken: otherStoresToken }) });
    expect(unknown.status).toBe(422);
    expect(await db().store.count({ where: { bigcommerceHash: { in: [hash, "nosuchstore1"] } } })).toBe(0);
  });

  it("a token without the scopes Tern needs is 422 naming each missing one in words; optional ones are only reported", async () => {
    const hash = newHash();
    const ordersOnly = emulator.store(hash).createApiAccount({ scopes: ["store_v2_orders_read_only"] });
    const reply = await firstReply(hash, ordersOnly.accessToken);
    expect(reply.status).toBe(422);
    expect(reply.body.error.message).toContain("Information & settings: read-only");
    expect(reply.body.error.message).toContain("Customers: read-only");
    expect(reply.body.error.message).not.toContain("Orders: read-only");
    expect(reply.body.error.details.missingScopes.map((entry: { scope: string }) => entry.scope)).toEqual(["store_v2_information_read_only", "store_v2_customers_read_only"]);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(0);

    const noToken = emulator.store(hash).createApiAccount({ scopes: [] });
    expect((await firstReply(hash, noToken.accessToken)).body.error.details.missingScopes).toHaveLength(3);

    const required = emulator.store(hash).createApiAccount({ scopes: ["store_v2_information_read_only", "store_v2_orders_read_only", "store_v2_customers_read_only"] });
    const ok = await firstReply(hash, required.accessToken);
    expect(ok.status).toBe(201);
    expect(ok.body.missingOptional).toEqual([expect.stringContaining("Products: read-only"), expect.stringContaining("Content: modify")]);
    expect(emulator.store(hash).hooksOf(required.clientId)).toHaveLength(TERN_WEBHOOK_SCOPES.length);
  });

  it("BigCommerce's 429 stays 429, its 5xx and a timeout-free outage are 502, never a 500", async () => {
    const hash = newHash();
    const shop = emulator.store(hash);
    const account = shop.createApiAccount();
    shop.failNext(/^\/v2\/store$/, 429);
    expect((await firstReply(hash, account.accessToken)).status).toBe(429);
    shop.failNext(/^\/v2\/store$/, 500);
    expect((await firstReply(hash, account.accessToken)).status).toBe(502);
    shop.failNext(/^\/v2\/orders$/, 503);
    const probeFailed = await firstReply(hash, account.accessToken);
    expect(probeFailed.status).toBe(502);
    expect(probeFailed.body.error.code).toBe("UPSTREAM_FAILED");
    tokenFree(probeFailed.text, account.accessToken);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(0);

    // Unreachable BigCommerce: the configured API is down.
    process.env.BIGCOMMERCE_API_URL = "http://127.0.0.1:9";
    try {
      const down = await call("POST", "/api/connect", { body: { ...firstConnection(hash, account), apiPath: hash } });
      expect(down.status).toBe(502);
    } finally {
      process.env.BIGCOMMERCE_API_URL = emulator.url;
    }
  });
});

describe("PUT /api/v1/store/connection (signed-in admin)", () => {
  it("only an admin of the store, only for its own store hash; agents 403, nobody signed in 401", async () => {
    const { hash, shop, storeId } = await connectFirst();
    const fresh = shop.createApiAccount();
    expect((await call("PUT", "/api/v1/store/connection", { body: { apiPath: apiPath(hash), accessToken: fresh.accessToken } })).status).toBe(401);
    const agent = await createUser(storeId, { role: "AGENT" });
    const agentCookie = await sessionCookieFor(agent);
    expect((await call("PUT", "/api/v1/store/connection", { cookie: agentCookie, body: { apiPath: apiPath(hash), accessToken: fresh.accessToken } })).status).toBe(403);
    expect((await call("DELETE", "/api/v1/store/connection", { cookie: agentCookie })).status).toBe(403);

    // An admin of another store cannot attach this store's token to theirs.
    const other = await connectFirst();
    const crossed = await call("PUT", "/api/v1/store/connection", { cookie: other.cookie, body: { apiPath: apiPath(hash), accessToken: fresh.accessToken } });
    expect(crossed.status).toBe(422);
    expect(crossed.body.error.message).toContain(`administers store ${other.hash}`);
    const row = await db().store.findUniqueOrThrow({ where: { id: other.storeId }, select: { accessTokenEncrypted: true } });
    expect(openSecret(row.accessTokenEncrypted!)).toBe(other.account.accessToken);
  });

  it("replacing one API account by another moves Tern's hooks to the new one", async () => {
    const { hash, shop, account, cookie, storeId } = await connectFirst();
    const next = shop.createApiAccount({ name: "Tern 2" });
    const reply = await call("PUT", "/api/v1/store/connection", { cookie, body: { apiPath: hash, accessToken: next.accessToken } });
    expect(reply.status, reply.text).toBe(200);
    tokenFree(reply.text, next.accessToken, account.accessToken);
    expect(shop.hooksOf(account.clientId)).toEqual([]);
    expect(shop.hooksOf(next.clientId)).toHaveLength(TERN_WEBHOOK_SCOPES.length);
    const row = await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { accessTokenEncrypted: true } });
    expect(openSecret(row.accessTokenEncrypted!)).toBe(next.accessToken);
  });
});

describe("switching between the app and an API account", () => {
  it("app → API account → app keeps the same Store row and its tickets; each switch leaves only the current client's hooks", async () => {
    const hash = newHash();
    const installed = await fetch(`${tern.url}/api/bigcommerce/auth?${emulator.oauth.installQuery({ storeHash: hash, user: OWNER, owner: OWNER }).toString()}`, { redirect: "manual" });
    expect(installed.status).toBe(303);
    const appCookie = installed.headers.getSetCookie()[0]!.split(";")[0]!;
    const store = await db().store.findUniqueOrThrow({ where: { bigcommerceHash: hash }, select: { id: true, connectionKind: true } });
    expect(store.connectionKind).toBe("APP");
    const shop = emulator.store(hash);
    expect(shop.hooksOf(APP_CLIENT_ID)).toHaveLength(TERN_WEBHOOK_SCOPES.length);
    const ticket = await createTicket(store.id, { subject: "Where is my parcel?" });

    const account = shop.createApiAccount();
    const toApi = await call("PUT", "/api/v1/store/connection", { cookie: appCookie, body: { apiPath: apiPath(hash), accessToken: account.accessToken } });
    expect(toApi.status, toApi.text).toBe(200);
    expect(toApi.body.connection).toMatchObject({ id: store.id, connectionKind: "API_ACCOUNT", status: "ACTIVE" });
    expect(shop.hooksOf(APP_CLIENT_ID)).toEqual([]);
    expect(shop.hooksOf(account.clientId)).toHaveLength(TERN_WEBHOOK_SCOPES.length);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticket.ticket.id }, select: { storeId: true } })).toEqual({ storeId: store.id });

    const back = await fetch(`${tern.url}/api/bigcommerce/auth?${emulator.oauth.installQuery({ storeHash: hash, user: OWNER, owner: OWNER }).toString()}`, { redirect: "manual" });
    expect(back.status).toBe(303);
    const after = await db().store.findUniqueOrThrow({ where: { bigcommerceHash: hash }, select: { id: true, connectionKind: true, accessTokenEncrypted: true } });
    expect(after.id).toBe(store.id);
    expect(after.connectionKind).toBe("APP");
    expect(openSecret(after.accessTokenEncrypted!)).toBe(shop.accessToken);
    expect(shop.hooksOf(account.clientId)).toEqual([]);
    expect(shop.hooksOf(APP_CLIENT_ID)).toHaveLength(TERN_WEBHOOK_SCOPES.length);
    expect(await db().ticket.count({ where: { storeId: store.id } })).toBe(1);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(1);
  });
});

describe("DELETE /api/v1/store/connection (disconnect)", () => {
  it("deletes Tern's hooks at BigCommerce through the client, drops the token, marks the store disconnected, and refuses its webhooks; the admin reconnects the same store", async () => {
    const { hash, shop, account, cookie, storeId } = await connectFirst();
    const ticket = await createTicket(storeId, { subject: "Kept through a disconnect" });
    const secret = openBigcommerceSecret((await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { webhookSecretSealed: true } })).webhookSecretSealed)!;
    // A hook the merchant made with the same account for something else stays.
    shop.createHook({ scope: "store/order/created", destination: "https://merchant.example/hooks" }, account.clientId);

    const reply = await call("DELETE", "/api/v1/store/connection", { cookie });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.removedHooks).toBe(TERN_WEBHOOK_SCOPES.length);
    expect(reply.body.connection).toMatchObject({ status: "DISCONNECTED", connected: false, webhooksRegisteredAt: null });
    expect(shop.hooksOf(account.clientId).map((hook) => hook.destination)).toEqual(["https://merchant.example/hooks"]);
    expect(emulator.requests.filter((request) => request.storeHash === hash && request.method === "DELETE" && request.path.startsWith("/v3/hooks/"))).toHaveLength(TERN_WEBHOOK_SCOPES.length);
    const row = await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { status: true, accessTokenEncrypted: true } });
    expect(row).toEqual({ status: "DISCONNECTED", accessTokenEncrypted: null });
    expect(await db().auditLog.count({ where: { storeId, action: "store.disconnected" } })).toBe(1);

    // A late delivery is refused; the admin still signs in and sees the state.
    const late = await fetch(`${tern.url}/api/webhooks/bigcommerce`, {
      method: "POST",
      headers: { "content-type": "application/json", [WEBHOOK_SECRET_HEADER]: secret },
      body: JSON.stringify({ scope: "store/order/created", store_id: "1", data: { type: "order", id: 100 }, hash: randomBytes(20).toString("hex"), created_at: 1, producer: `stores/${hash}` }),
    });
    expect(late.status).toBe(404);
    expect((await call("GET", "/api/v1/store/connection", { cookie })).body.store).toMatchObject({ status: "DISCONNECTED" });
    expect((await call("DELETE", "/api/v1/store/connection", { cookie })).status).toBe(409);

    // Connecting again brings back the same store with its ticket.
    const again = await call("PUT", "/api/v1/store/connection", { cookie, body: { apiPath: apiPath(hash), accessToken: account.accessToken } });
    expect(again.status, again.text).toBe(200);
    expect(again.body.connection).toMatchObject({ id: storeId, status: "ACTIVE", connected: true });
    expect(shop.hooksOf(account.clientId)).toHaveLength(TERN_WEBHOOK_SCOPES.length + 1);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticket.ticket.id }, select: { storeId: true } })).toEqual({ storeId });
  });

  it("when BigCommerce cannot delete the hooks (5xx) the store stays connected (502); a revoked token (401) still disconnects", async () => {
    const { shop, account, cookie, storeId } = await connectFirst();
    shop.failNext(/^\/v3\/hooks/, 500);
    const failed = await call("DELETE", "/api/v1/store/connection", { cookie });
    expect(failed.status).toBe(502);
    expect((await db().store.findUniqueOrThrow({ where: { id: storeId }, select: { status: true } })).status).toBe("ACTIVE");
    expect(shop.hooksOf(account.clientId)).toHaveLength(TERN_WEBHOOK_SCOPES.length);

    // The merchant deleted the API account in BigCommerce: its hooks went with it.
    shop.deleteApiAccount(account.clientId);
    const revoked = await call("DELETE", "/api/v1/store/connection", { cookie });
    expect(revoked.status).toBe(200);
    expect(revoked.body.connection.status).toBe("DISCONNECTED");
  });
});

describe("secrets", () => {
  it("no access token was ever written to the console", () => {
    const tokens = hashes.flatMap((hash) => [...emulator.store(hash).apiAccounts.keys(), emulator.store(hash).accessToken]);
    expect(tokens.length).toBeGreaterThan(10);
    const all = logged.join("\n");
    for (const token of tokens) expect(all).not.toContain(token);
    expect(all).not.toMatch(/X-Auth-Token:\s*\S/i);
  });
});
