import { openBigcommerceSecret } from "@/lib/crypto/webhook-secrets.ts";
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSessionCookie } from "@/lib/auth/session-token.ts";
import { syncStoreWebhooks } from "@/lib/bigcommerce-app/sync-store-webhooks.ts";
import { TERN_WEBHOOK_SCOPES } from "@/lib/bigcommerce/webhooks/webhook-scopes.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { signPayload } from "@/lib/emulators/bigcommerce/sign-payload.ts";
import { createTicket } from "@/lib/testing/factories.ts";
import { assignTicket } from "@/lib/tickets/assign-ticket.ts";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { createRealtimeServer, type RealtimeHandle } from "@/lib/realtime/socket-server.ts";
import { io as connectSocket } from "socket.io-client";
import * as ticketsRoute from "../v1/tickets/route.ts";
import * as webhookRoute from "../webhooks/bigcommerce/route.ts";
import * as authRoute from "./auth/route.ts";
import * as loadRoute from "./load/route.ts";
import * as removeUserRoute from "./remove-user/route.ts";
import * as removeUserAliasRoute from "./remove_user/route.ts";
import * as uninstallRoute from "./uninstall/route.ts";

// The whole app lifecycle over real HTTP: Tern's callbacks behind a small server, BigCommerce's
// side (install codes, /oauth2/token, signed payloads, /v3/hooks) in the emulator.

const CLIENT_ID = "tern-test-client";
const CLIENT_SECRET = "tern-test-client-secret";
const OWNER = { id: 7001, email: "owner@shop.test", username: "Olive Owner" };
const STAFF = { id: 7002, email: "staff@shop.test", username: "Sam Staff" };

let emulator: BigcommerceEmulator;
let tern: RouteServer;
let realtime: RealtimeHandle;

function newHash(): string {
  return `s${randomBytes(5).toString("hex")}`;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${tern.url}${path}`, { redirect: "manual", headers });
}

async function install(storeHash: string, user = OWNER): Promise<Response> {
  return get(`/api/bigcommerce/auth?${emulator.oauth.installQuery({ storeHash, user, owner: OWNER }).toString()}`);
}

async function load(storeHash: string, user = OWNER): Promise<Response> {
  const jwt = await emulator.oauth.signedPayload({ storeHash, user, owner: OWNER });
  return get(`/api/bigcommerce/load?signed_payload_jwt=${jwt}`);
}

function cookieHeader(response: Response): string {
  const cookie = response.headers.getSetCookie()[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}

/** The store as installed, with its webhook secret opened (it is stored sealed, never in plain text). */
async function storeByHash(hash: string) {
  const row = await db().store.findUniqueOrThrow({
    where: { bigcommerceHash: hash },
    select: { id: true, status: true, accessTokenEncrypted: true, webhookSecretSealed: true, legacyWebhookSecret: true, uninstalledAt: true, webhooksRegisteredAt: true, purgeOnUninstall: true },
  });
  const webhookSecret = openBigcommerceSecret(row.webhookSecretSealed);
  expect(row.legacyWebhookSecret).toBeNull();
  if (webhookSecret) expect(row.webhookSecretSealed).not.toContain(webhookSecret);
  return { ...row, webhookSecret };
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  tern = await startRouteServer({
    "/api/bigcommerce/auth": authRoute,
    "/api/bigcommerce/load": loadRoute,
    "/api/bigcommerce/uninstall": uninstallRoute,
    "/api/bigcommerce/remove-user": removeUserRoute,
    "/api/bigcommerce/remove_user": removeUserAliasRoute,
    "/api/v1/tickets": ticketsRoute,
    "/api/webhooks/bigcommerce": webhookRoute,
  });
  realtime = await createRealtimeServer(tern.server);
  Object.assign(process.env, {
    BIGCOMMERCE_CLIENT_ID: CLIENT_ID,
    BIGCOMMERCE_CLIENT_SECRET: CLIENT_SECRET,
    BIGCOMMERCE_LOGIN_URL: emulator.url,
    BIGCOMMERCE_API_URL: emulator.url,
    NEXTAUTH_URL: tern.url,
  });
});

afterAll(async () => {
  await realtime?.close();
  await tern?.close();
  await emulator?.close();
});

describe("install (GET /api/bigcommerce/auth)", () => {
  it("exchanges the code, stores the token sealed, registers every hook with the secret header, and signs the installer in as admin", async () => {
    const hash = newHash();
    const response = await install(hash);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin");
    const setCookie = response.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/^next-auth\.session-token=/);
    expect(setCookie).toContain("SameSite=None");
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("HttpOnly");

    expect(emulator.oauth.exchanges.at(-1)).toMatchObject({ storeHash: hash, status: 200, redirectUri: `${tern.url}/api/bigcommerce/auth` });
    const store = await storeByHash(hash);
    expect(store.status).toBe("ACTIVE");
    expect(store.accessTokenEncrypted).not.toContain(emulator.store(hash).accessToken);
    expect(openSecret(store.accessTokenEncrypted!)).toBe(emulator.store(hash).accessToken);
    expect(store.webhooksRegisteredAt).not.toBeNull();
    // Named as BigCommerce names it, not by its hash.
    expect((await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { name: true } })).name).toBe(`Emulated store ${hash}`);

    const hooks = [...emulator.store(hash).hooks.values()];
    expect(hooks.map((hook) => hook.scope).sort()).toEqual([...TERN_WEBHOOK_SCOPES].sort());
    for (const hook of hooks) {
      expect(hook).toMatchObject({ destination: `${tern.url}/api/webhooks/bigcommerce`, is_active: true, headers: { [WEBHOOK_SECRET_HEADER]: store.webhookSecret } });
    }

    const session = await readSessionCookie(cookieHeader(response));
    const user = await db().user.findUniqueOrThrow({ where: { id: session!.userId }, select: { storeId: true, role: true, bigcommerceUserId: true, email: true } });
    expect(user).toEqual({ storeId: store.id, role: "ADMIN", bigcommerceUserId: OWNER.id, email: OWNER.email });
    expect(await db().auditLog.count({ where: { storeId: store.id, action: "store.installed" } })).toBe(1);
  });

  it("registers hooks idempotently: a second run leaves one hook per scope; lapsed, re-keyed and stale hooks are repaired", async () => {
    const hash = newHash();
    await install(hash);
    const store = await storeByHash(hash);
    const again = await syncStoreWebhooks(db(), { storeId: store.id, publicUrl: tern.url });
    expect(again).toEqual({ ok: true, hooks: TERN_WEBHOOK_SCOPES.length, removed: 0 });
    expect(emulator.store(hash).hooks.size).toBe(TERN_WEBHOOK_SCOPES.length);

    const [first, second] = [...emulator.store(hash).hooks.values()];
    first!.is_active = false;
    second!.headers = { [WEBHOOK_SECRET_HEADER]: "an-old-secret" };
    emulator.store(hash).createHook({ scope: first!.scope, destination: "https://old-tern.example.com/api/webhooks/bigcommerce", headers: {} });
    const repaired = await syncStoreWebhooks(db(), { storeId: store.id, publicUrl: tern.url });
    expect(repaired).toEqual({ ok: true, hooks: TERN_WEBHOOK_SCOPES.length, removed: 1 });
    expect(emulator.store(hash).hooks.size).toBe(TERN_WEBHOOK_SCOPES.length);
    expect([...emulator.store(hash).hooks.values()].every((hook) => hook.is_active && hook.headers?.[WEBHOOK_SECRET_HEADER] === store.webhookSecret)).toBe(true);
  });

  it("keeps the install when hook registration fails, and records why for the health page", async () => {
    const hash = newHash();
    emulator.store(hash).failNext(/^\/v3\/hooks$/, 500);
    const response = await install(hash);
    expect(response.status).toBe(303);
    const store = await db().store.findUniqueOrThrow({ where: { bigcommerceHash: hash }, select: { status: true, webhookRegistrationError: true, webhooksRegisteredAt: true } });
    expect(store.status).toBe("ACTIVE");
    expect(store.webhooksRegisteredAt).toBeNull();
    expect(store.webhookRegistrationError).toContain("500");
  });

  it("refuses a code BigCommerce does not know: 401, no store, no session", async () => {
    const hash = newHash();
    const response = await get(`/api/bigcommerce/auth?code=made-up&scope=store_v2_orders&context=stores/${hash}`);
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await db().store.count({ where: { bigcommerceHash: hash } })).toBe(0);
  });

  it("answers 422 in the error shape when the query is not an install", async () => {
    const response = await get("/api/bigcommerce/auth?code=x&context=not-a-store");
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
  });

  it("re-install keeps the store, its secret and its data, replaces the token, and leaves one hook per scope", async () => {
    const hash = newHash();
    await install(hash);
    const before = await storeByHash(hash);
    const ticket = await createTicket(before.id);
    const oldToken = emulator.store(hash).accessToken;

    const response = await install(hash);
    expect(response.status).toBe(303);
    const after = await storeByHash(hash);
    expect(after.id).toBe(before.id);
    expect(after.webhookSecret).toBe(before.webhookSecret);
    expect(openSecret(after.accessTokenEncrypted!)).toBe(emulator.store(hash).accessToken);
    expect(emulator.store(hash).accessToken).not.toBe(oldToken);
    expect(emulator.store(hash).hooks.size).toBe(TERN_WEBHOOK_SCOPES.length);
    expect(await db().ticket.count({ where: { id: ticket.ticket.id, storeId: before.id } })).toBe(1);
    expect(await db().user.count({ where: { storeId: before.id, bigcommerceUserId: OWNER.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { storeId: before.id, action: "store.reinstalled" } })).toBe(1);
  });
});

describe("load (GET /api/bigcommerce/load)", () => {
  it("signs the owner in as admin and a new staff member in as agent, once per person", async () => {
    const hash = newHash();
    await install(hash);
    const store = await storeByHash(hash);

    const owner = await load(hash);
    expect(owner.status).toBe(303);
    expect(owner.headers.get("location")).toBe("/admin");
    const ownerSession = await readSessionCookie(cookieHeader(owner));

    const staff = await load(hash, STAFF);
    expect(staff.status).toBe(303);
    expect(staff.headers.get("location")).toBe("/inbox");
    const staffSession = await readSessionCookie(cookieHeader(staff));
    const staffUser = await db().user.findUniqueOrThrow({ where: { id: staffSession!.userId }, select: { storeId: true, role: true, email: true, name: true } });
    // The signed payload carries no name: the email's local part stands in until the user sets one.
    expect(staffUser).toEqual({ storeId: store.id, role: "AGENT", email: STAFF.email, name: "staff" });

    const [again] = await Promise.all([load(hash, STAFF), load(hash, STAFF)]);
    expect((await readSessionCookie(cookieHeader(again!)))!.userId).toBe(staffSession!.userId);
    expect(await db().user.count({ where: { storeId: store.id, bigcommerceUserId: STAFF.id } })).toBe(1);
    expect(ownerSession!.userId).not.toBe(staffSession!.userId);

    // The minted cookie is a real session: /api/v1 accepts it, scoped to the store.
    const tickets = await get("/api/v1/tickets", { cookie: cookieHeader(staff) });
    expect(tickets.status).toBe(200);
  });

  it("accepts each load link once: a replayed signed_payload_jwt is a 401 with no session", async () => {
    const hash = newHash();
    await install(hash);
    const jwt = await emulator.oauth.signedPayload({ storeHash: hash, user: STAFF, owner: OWNER });
    const first = await get(`/api/bigcommerce/load?signed_payload_jwt=${jwt}`);
    expect(first.status).toBe(303);
    const replayed = await get(`/api/bigcommerce/load?signed_payload_jwt=${jwt}`);
    expect(replayed.status).toBe(401);
    expect(replayed.headers.get("set-cookie")).toBeNull();
    // Two at once: one session, one refusal.
    const racing = await emulator.oauth.signedPayload({ storeHash: hash, user: STAFF, owner: OWNER });
    const statuses = (await Promise.all([1, 2].map(() => get(`/api/bigcommerce/load?signed_payload_jwt=${racing}`)))).map((response) => response.status);
    expect(statuses.sort()).toEqual([303, 401]);
  });

  it("signs the same BigCommerce user into each store as a separate Tern user", async () => {
    const [hashA, hashB] = [newHash(), newHash()];
    await install(hashA);
    await install(hashB);
    const a = await readSessionCookie(cookieHeader(await load(hashA, STAFF)));
    const b = await readSessionCookie(cookieHeader(await load(hashB, STAFF)));
    expect(a!.userId).not.toBe(b!.userId);
  });

  describe("refuses forged, expired and misaddressed payloads with 401 and no session", () => {
    let hash: string;
    beforeAll(async () => {
      hash = newHash();
      await install(hash);
    });

    const now = () => Math.floor(Date.now() / 1000);
    const cases: Array<[string, () => Promise<string>]> = [
      ["signed with another secret", () => signPayload({ clientId: CLIENT_ID, clientSecret: "not-the-secret", storeHash: hash, user: OWNER })],
      ["for another app (aud)", () => signPayload({ clientId: "someone-elses-app", clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER })],
      ["expired", () => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER, issuedAt: now() - 2 * 86400, expiresIn: 86400 })],
      ["not yet valid", () => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER, issuedAt: now() + 3600 })],
      ["living longer than BigCommerce's tokens", () => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER, issuedAt: now() - 30 * 3600, expiresIn: 40 * 3600 })],
      ["with a subject that is not a store", () => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER, claims: { sub: `users/${hash}` } })],
      ["from another issuer", () => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER, claims: { iss: "evil" } })],
      ["for a store that never installed Tern", () => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: newHash(), user: OWNER })],
      [
        "unsigned (alg none)",
        async () => {
          const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
          const body = Buffer.from(JSON.stringify({ aud: CLIENT_ID, iss: "bc", sub: `stores/${hash}`, iat: now(), nbf: now(), exp: now() + 600, user: OWNER, owner: OWNER })).toString("base64url");
          return `${header}.${body}.`;
        },
      ],
      [
        "signed with HS512",
        () =>
          new SignJWT({ user: OWNER, owner: OWNER })
            .setProtectedHeader({ alg: "HS512" })
            .setAudience(CLIENT_ID)
            .setIssuer("bc")
            .setSubject(`stores/${hash}`)
            .setIssuedAt()
            .setNotBefore(now())
            .setExpirationTime("1h")
            .sign(new TextEncoder().encode(CLIENT_SECRET)),
      ],
      ["garbage", async () => "not.a.jwt"],
      ["missing", async () => ""],
    ];

    it.each(cases)("%s", async (_name, make) => {
      const jwt = await make();
      const usersBefore = await db().user.count();
      const response = await get(`/api/bigcommerce/load?signed_payload_jwt=${encodeURIComponent(jwt)}`);
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
      expect(await db().user.count()).toBe(usersBefore);
    });

    it("shows a person in the iframe a page, not JSON", async () => {
      const jwt = await signPayload({ clientId: "someone-elses-app", clientSecret: CLIENT_SECRET, storeHash: hash, user: OWNER });
      const response = await get(`/api/bigcommerce/load?signed_payload_jwt=${jwt}`, { accept: "text/html,application/xhtml+xml" });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("aud");
    });

    it("the other callbacks refuse forged payloads too", async () => {
      const jwt = await signPayload({ clientId: CLIENT_ID, clientSecret: "not-the-secret", storeHash: hash, user: OWNER });
      for (const path of ["uninstall", "remove-user", "remove_user"]) {
        expect((await get(`/api/bigcommerce/${path}?signed_payload_jwt=${jwt}`)).status).toBe(401);
      }
      expect((await storeByHash(hash)).status).toBe("ACTIVE");
    });
  });
});

describe("remove-user (GET /api/bigcommerce/remove-user)", () => {
  it("disables the user, ends their session, revokes their tokens and puts their open tickets back in the queue", async () => {
    const hash = newHash();
    await install(hash);
    const store = await storeByHash(hash);
    const staffLoad = await load(hash, STAFF);
    const staffCookie = cookieHeader(staffLoad);
    const staffId = (await readSessionCookie(staffCookie))!.userId;
    const { ticket } = await createTicket(store.id);
    await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: staffId });
    const socket = connectSocket(tern.url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: staffCookie }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));

    const jwt = await emulator.oauth.signedPayload({ storeHash: hash, user: STAFF, owner: OWNER });
    const response = await get(`/api/bigcommerce/remove-user?signed_payload_jwt=${jwt}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ removed: true, unassignedTickets: 1 });

    expect((await db().user.findUniqueOrThrow({ where: { id: staffId }, select: { disabledAt: true } })).disabledAt).not.toBeNull();
    // Their live connection is closed by the server, not left to run until they reload.
    expect(await disconnected).toBe("io server disconnect");
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { assigneeId: true } })).assigneeId).toBeNull();
    expect((await get("/api/v1/tickets", { cookie: staffCookie })).status).toBe(401);
    const again = await load(hash, STAFF);
    expect(again.status).toBe(403);
    expect(again.headers.getSetCookie()).toEqual([]);
    // The owner cannot be locked out of their own app.
    expect((await load(hash)).status).toBe(303);
  });

  it("accepts BigCommerce's own spelling remove_user, and an unknown user is not an error", async () => {
    const hash = newHash();
    await install(hash);
    const jwt = await emulator.oauth.signedPayload({ storeHash: hash, user: { id: 999_999, email: "nobody@shop.test" }, owner: OWNER });
    const response = await get(`/api/bigcommerce/remove_user?signed_payload_jwt=${jwt}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ removed: false, unassignedTickets: 0 });
  });
});

describe("uninstall (GET /api/bigcommerce/uninstall)", () => {
  it("keeps the data by default but stops everything: token dropped, sessions and API tokens refused, load refused; a re-install brings it back", async () => {
    const hash = newHash();
    await install(hash);
    const store = await storeByHash(hash);
    const ownerCookie = cookieHeader(await load(hash));
    await createTicket(store.id, { subject: "Kept across uninstall" });
    expect((await get("/api/v1/tickets", { cookie: ownerCookie })).status).toBe(200);
    const deliver = (id: number) =>
      fetch(`${tern.url}/api/webhooks/bigcommerce`, {
        method: "POST",
        headers: { "content-type": "application/json", [WEBHOOK_SECRET_HEADER]: store.webhookSecret ?? "" },
        body: JSON.stringify({ scope: "store/order/updated", store_id: "1", data: { type: "order", id }, hash: `h${id}`, created_at: id, producer: `stores/${hash}` }),
      });
    // Accepted while installed (and the receiver now holds the store in its cache).
    expect((await deliver(1)).status).toBe(200);

    const jwt = await emulator.oauth.uninstall({ storeHash: hash, user: OWNER });
    const response = await get(`/api/bigcommerce/uninstall?signed_payload_jwt=${jwt}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ uninstalled: true, purged: false });
    // Refused at once, whatever the cache says, and nothing stored.
    const late = await deliver(2);
    expect(late.status).toBe(404);
    expect(await db().inboundEvent.count({ where: { storeId: store.id, dedupeKey: { contains: ":h2:" } } })).toBe(0);

    const after = await storeByHash(hash);
    expect(after).toMatchObject({ status: "UNINSTALLED", accessTokenEncrypted: null });
    expect(after.uninstalledAt).not.toBeNull();
    expect((await get("/api/v1/tickets", { cookie: ownerCookie })).status).toBe(401);
    const loadAfter = await load(hash);
    expect(loadAfter.status).toBe(401);
    expect(loadAfter.headers.getSetCookie()).toEqual([]);
    expect(await db().ticket.count({ where: { storeId: store.id } })).toBe(1);

    // BigCommerce may call twice.
    expect((await get(`/api/bigcommerce/uninstall?signed_payload_jwt=${jwt}`)).status).toBe(200);

    const reinstall = await install(hash);
    expect(reinstall.status).toBe(303);
    expect((await storeByHash(hash)).status).toBe("ACTIVE");
    expect(emulator.store(hash).hooks.size).toBe(TERN_WEBHOOK_SCOPES.length);
    const tickets = await get("/api/v1/tickets", { cookie: cookieHeader(reinstall) });
    const body = (await tickets.json()) as { items: Array<{ subject: string }> };
    expect(body.items.map((ticket) => ticket.subject)).toContain("Kept across uninstall");
  });

  it("purges the store and everything under it when the store chose so", async () => {
    const hash = newHash();
    await install(hash);
    const store = await storeByHash(hash);
    await db().store.update({ where: { id: store.id }, data: { purgeOnUninstall: true } });
    await createTicket(store.id);

    const jwt = await emulator.oauth.uninstall({ storeHash: hash, user: OWNER });
    const response = await get(`/api/bigcommerce/uninstall?signed_payload_jwt=${jwt}`);
    expect(await response.json()).toEqual({ uninstalled: true, purged: true });
    expect(await db().store.count({ where: { id: store.id } })).toBe(0);
    expect(await db().ticket.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db().user.count({ where: { storeId: store.id } })).toBe(0);
  });
});

describe("install → load → webhook → ticket", () => {
  it("a merchant installs, opens the app, a customer orders: the registered hook delivers with the secret and the order becomes a ticket the merchant's session can read", async () => {
    const hash = newHash();
    const installed = await install(hash);
    expect(installed.status).toBe(303);
    const store = await storeByHash(hash);
    const cookie = cookieHeader(await load(hash, STAFF));

    const shop = emulator.store(hash);
    const order = shop.createOrder({ guest: { email: "carol@example.com", firstName: "Carol", lastName: "Jones" }, products: [{ name: "Tern mug", sku: "MUG-1", price: 12.5 }] });
    await emulator.flushWebhooks();
    const delivery = emulator.deliveries.find((entry) => entry.scope === "store/order/created" && entry.body.includes(`stores/${hash}`));
    expect(delivery).toMatchObject({ status: 200, destination: `${tern.url}/api/webhooks/bigcommerce` });
    expect(delivery!.headers[WEBHOOK_SECRET_HEADER]).toBe(store.webhookSecret);

    await runInboundBatch(db(), { workerId: "bigcommerce-app-test", storeId: store.id });
    const tickets = await get(`/api/v1/tickets?bigcommerceOrderId=${order.id}`, { cookie });
    const body = (await tickets.json()) as { items: Array<{ bigcommerceOrderId: number; source: string }> };
    expect(body.items).toEqual([expect.objectContaining({ bigcommerceOrderId: order.id, source: "BIGCOMMERCE" })]);
  });
});
