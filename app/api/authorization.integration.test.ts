import { telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import NextAuth from "next-auth";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as loadRoute from "@/app/api/bigcommerce/load/route.ts";
import * as authRoute from "@/app/api/bigcommerce/auth/route.ts";
import * as removeUserRoute from "@/app/api/bigcommerce/remove-user/route.ts";
import * as removeUserAliasRoute from "@/app/api/bigcommerce/remove_user/route.ts";
import * as uninstallRoute from "@/app/api/bigcommerce/uninstall/route.ts";
import { POST as bigcommerceWebhook } from "@/app/api/webhooks/bigcommerce/route.ts";
import { POST as telegramWebhook } from "@/app/api/webhooks/telegram/route.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { DEFAULT_CUSTOMER_MAPPING } from "@/lib/customers/sync/customer-mapping.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { signPayload } from "@/lib/emulators/bigcommerce/sign-payload.ts";
import { startTelegramEmulator, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { concreteRoute, ROUTE_METHODS, routeFiles, routePath, V1_DIR, type RouteMethod, type RouteModule } from "@/lib/testing/api-routes.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { startRealtimeHarness, type RealtimeHarness } from "@/lib/testing/realtime-harness.ts";
import { storeSnapshot } from "@/lib/testing/store-snapshot.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";

// Authorisation on every route Tern serves: /api/v1 (every route and method found on disk),
// the BigCommerce app callbacks, both webhook receivers, next-auth's sign-in, and socket.io.
// Who may call what is written out below; a route on disk missing from the table fails the suite,
// so a new route has to be classified before it ships.

/** Who may call a route: any signed-in user of the store, supervisors and admins, or admins only. */
type Access = "SIGNED_IN" | "SUPERVISOR" | "ADMIN";

const ACCESS: Record<string, Access> = {
  // API tokens act with their user's rights: only admins make and revoke them.
  "GET /api-tokens": "ADMIN",
  "POST /api-tokens": "ADMIN",
  "DELETE /api-tokens/[id]": "ADMIN",
  // Routing and SLA rules: supervisors set them (SPEC "Who uses it").
  "GET /assignment-rules": "SUPERVISOR",
  "POST /assignment-rules": "SUPERVISOR",
  "PATCH /assignment-rules/[id]": "SUPERVISOR",
  "DELETE /assignment-rules/[id]": "SUPERVISOR",
  "PUT /assignment-rules/order": "SUPERVISOR",
  "POST /assignment-rules/preview": "SUPERVISOR",
  "GET /routing-settings": "SUPERVISOR",
  "PATCH /routing-settings": "SUPERVISOR",
  "GET /escalation-policies": "SUPERVISOR",
  "POST /escalation-policies": "SUPERVISOR",
  "PATCH /escalation-policies/[id]": "SUPERVISOR",
  "DELETE /escalation-policies/[id]": "SUPERVISOR",
  "GET /sla-policies": "SUPERVISOR",
  "POST /sla-policies": "SUPERVISOR",
  "PATCH /sla-policies/[id]": "SUPERVISOR",
  "DELETE /sla-policies/[id]": "SUPERVISOR",
  "GET /sla-holidays": "SUPERVISOR",
  "POST /sla-holidays": "SUPERVISOR",
  "DELETE /sla-holidays/[id]": "SUPERVISOR",
  // Agents read KB articles and templates in the inbox; supervisors manage them.
  "GET /kb-articles": "SIGNED_IN",
  "GET /kb-articles/[id]": "SIGNED_IN",
  "POST /kb-articles": "SUPERVISOR",
  "PATCH /kb-articles/[id]": "SUPERVISOR",
  "DELETE /kb-articles/[id]": "SUPERVISOR",
  "GET /templates": "SIGNED_IN",
  "GET /templates/[id]": "SIGNED_IN",
  "POST /templates": "SUPERVISOR",
  "PATCH /templates/[id]": "SUPERVISOR",
  "DELETE /templates/[id]": "SUPERVISOR",
  // Dashboards are the supervisors'.
  "GET /metrics/dashboard": "SUPERVISOR",
  "GET /metrics/export": "SUPERVISOR",
  // Held refunds wait for a supervisor (lib/order-actions/order-action-permissions.ts).
  "GET /order-actions": "SUPERVISOR",
  "POST /order-actions/[id]/approve": "SUPERVISOR",
  "POST /order-actions/[id]/reject": "SUPERVISOR",
  // The store's connection: supervisors see it, admins change it, connect the bot, register hooks.
  "GET /store": "SUPERVISOR",
  "PATCH /store": "ADMIN",
  "POST /store/webhooks": "ADMIN",
  // Connecting by API account and disconnecting are the admins'; supervisors see the health.
  "GET /store/connection": "SUPERVISOR",
  "PUT /store/connection": "ADMIN",
  "DELETE /store/connection": "ADMIN",
  "GET /telegram/bot": "ADMIN",
  "PUT /telegram/bot": "ADMIN",
  "DELETE /telegram/bot": "ADMIN",
  // Anyone links their own Telegram account to the staff group, with a code only they are shown.
  "POST /telegram/staff-link-code": "SIGNED_IN",
  // Signed chat links for an order (emails, packing slips), audited; the storefront script is the admins'.
  "POST /telegram/chat-links": "SUPERVISOR",
  "PUT /telegram/storefront-script": "ADMIN",
  // The customer import and its field mapping: the store's admins (they read the whole customer base).
  "GET /customer-imports": "ADMIN",
  "POST /customer-imports": "ADMIN",
  "GET /customer-imports/[id]": "ADMIN",
  "POST /customer-imports/[id]/cancel": "ADMIN",
  "GET /customer-imports/[id]/skips": "ADMIN",
  "GET /customer-sync/fields": "ADMIN",
  "GET /customer-sync/mapping": "ADMIN",
  "PUT /customer-sync/mapping": "ADMIN",
  "GET /webhooks/health": "SUPERVISOR",
  "GET /webhooks/dead-letters": "SUPERVISOR",
  "POST /webhooks/dead-letters/[id]/retry": "SUPERVISOR",
  "POST /webhooks/dead-letters/[id]/ticket": "SUPERVISOR",
  // People: everyone sees the directory (assigning, transferring); admins change roles and access.
  "GET /users": "SIGNED_IN",
  "PATCH /users/[id]": "ADMIN",
  // Agents their own availability, supervisors and admins anyone's (checked in lib/routing, below).
  "GET /users/[id]/availability": "SIGNED_IN",
  "PUT /users/[id]/availability": "SIGNED_IN",
  "GET /teams": "SIGNED_IN",
  // The inbox: agents' everyday work (cancelling an order is checked in lib/order-actions, below).
  "GET /attachments/[messageId]/[index]": "SIGNED_IN",
  "GET /customers": "SIGNED_IN",
  "GET /customers/[id]": "SIGNED_IN",
  "GET /customers/[id]/insight": "SIGNED_IN",
  "GET /customers/[id]/timeline": "SIGNED_IN",
  "GET /tickets": "SIGNED_IN",
  "POST /tickets": "SIGNED_IN",
  "GET /tickets/[id]": "SIGNED_IN",
  "PATCH /tickets/[id]": "SIGNED_IN",
  "POST /tickets/[id]/claim": "SIGNED_IN",
  "GET /tickets/[id]/context": "SIGNED_IN",
  "POST /tickets/[id]/escalate": "SIGNED_IN",
  "GET /tickets/[id]/kb-suggestions": "SIGNED_IN",
  "POST /tickets/[id]/merge": "SIGNED_IN",
  "POST /tickets/[id]/messages": "SIGNED_IN",
  // Whoever sees the thread sees what its messages said before an edit.
  "GET /tickets/[id]/messages/[messageId]/edits": "SIGNED_IN",
  "GET /tickets/[id]/order-actions": "SIGNED_IN",
  "POST /tickets/[id]/order-actions": "SIGNED_IN",
  "POST /tickets/[id]/order-actions/refund-quote": "SIGNED_IN",
  "POST /tickets/[id]/order/refresh": "SIGNED_IN",
  "POST /tickets/[id]/render-template": "SIGNED_IN",
  "POST /tickets/[id]/snooze": "SIGNED_IN",
  "POST /tickets/[id]/transfer": "SIGNED_IN",
  // "Verify and link" an unverified Telegram chat (audited).
  "POST /tickets/[id]/verify-chat": "SIGNED_IN",
};

const ROLES_FOR: Record<Access, readonly Role[]> = { SIGNED_IN: ["AGENT", "SUPERVISOR", "ADMIN"], SUPERVISOR: ["SUPERVISOR", "ADMIN"], ADMIN: ["ADMIN"] };

/** The least role an access level lets in: the one whose success proves a 403 below is the guard, not a broken route. */
const LEAST_ROLE: Record<Access, Role> = { SIGNED_IN: "AGENT", SUPERVISOR: "SUPERVISOR", ADMIN: "ADMIN" };

/**
 * What the least allowed role gets back, where it is not a plain 2xx: the call passed the guard
 * and was answered by the domain code. Each is explained.
 */
const ALLOWED_OUTCOME: Record<string, { status: number; code: string; why: string }> = {
  "GET /attachments/[messageId]/[index]": { status: 422, code: "UNPROCESSABLE", why: "the file is fetched from Telegram through the store's bot, and this store has none connected" },
  "PUT /telegram/storefront-script": { status: 422, code: "UNPROCESSABLE", why: "this store's BigCommerce token was granted without the Checkout content scope the script needs" },
  "POST /tickets/[id]/verify-chat": { status: 409, code: "CONFLICT", why: "the ticket's customer chat is verified already (a test customer is who they say they are)" },
  "PUT /store/connection": { status: 422, code: "UNPROCESSABLE", why: "the API path names another store than the admin's: refused by the domain before BigCommerce is asked" },
};

const CLIENT_ID = "tern-authz-client";
const CLIENT_SECRET = "tern-authz-client-secret";
const BC_TOKEN = "authz-bigcommerce-access-token";

type Reply = { status: number; text: string; json: { error?: { code?: unknown; message?: unknown } } | null };

let store: TestStore;
let otherStore: TestStore;
let admin: TestUser;
let supervisor: TestUser;
let agent: TestUser;
let otherAgent: TestUser;
const ids: Record<string, string> = {};
const bearer: Partial<Record<Role, string>> = {};
let bigcommerce: BigcommerceEmulator;
let telegram: TelegramEmulator;
let orderId: number;

function sortedLabels(): string[] {
  return Object.keys(ACCESS).sort();
}

/** Route modules found on disk, with the methods each really serves (not the 405 stubs). */
async function routesOnDisk(): Promise<Array<{ label: string; route: string; method: RouteMethod; module: RouteModule }>> {
  const found: Array<{ label: string; route: string; method: RouteMethod; module: RouteModule }> = [];
  for (const file of routeFiles()) {
    const routeModule = (await import(file)) as RouteModule;
    const route = routePath(file);
    for (const method of ROUTE_METHODS) {
      const handler = routeModule[method];
      if (!handler) continue;
      // A 405 stub answers before any authentication; everything else asks for credentials first.
      const probe = await handler(new Request(`http://tern.test/api/v1${route}`, { method }), { params: Promise.resolve({}) as Promise<never> });
      if (probe.status === 405) continue;
      found.push({ label: `${method} ${route}`, route, method, module: routeModule });
    }
  }
  return found;
}

/** Real ids of the store for a route's dynamic segments; some routes get their own record so a success does not spoil another case. */
function paramsFor(label: string, route: string): Record<string, string> {
  const own: Record<string, Record<string, string>> = {
    "DELETE /api-tokens/[id]": { id: ids.spareToken! },
    "POST /tickets/[id]/merge": { id: ids.mergeSource! },
    "POST /order-actions/[id]/reject": { id: ids.rejectAction! },
    "POST /webhooks/dead-letters/[id]/ticket": { id: ids.deadForTicket! },
    "GET /users/[id]/availability": { id: agent.id },
    "PUT /users/[id]/availability": { id: agent.id },
  };
  if (own[label]) return own[label];
  const segments = route.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, index) => {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (!name) return;
    params[name] = name === "index" ? "0" : (ids[segments.slice(0, index).join("/")] ?? ids.tickets!);
  });
  return params;
}

/** Valid bodies: a missing guard would let the call through and change something the snapshot sees. */
function bodyFor(label: string): unknown {
  const bodies: Record<string, unknown> = {
    "POST /api-tokens": { name: "authz token" },
    "POST /assignment-rules": { name: "authz rule", teamId: ids.teams },
    "PATCH /assignment-rules/[id]": { enabled: false },
    "PUT /assignment-rules/order": { ids: [ids["assignment-rules"]] },
    "POST /assignment-rules/preview": { ticketId: ids.tickets },
    "PATCH /routing-settings": { autoAssign: false },
    "POST /escalation-policies": { name: "authz escalation", targetTeamId: ids.teams },
    "PATCH /escalation-policies/[id]": { enabled: false },
    "POST /sla-policies": { name: "authz sla", firstResponseSeconds: 60, resolutionSeconds: 600 },
    "PATCH /sla-policies/[id]": { name: "authz sla renamed" },
    "POST /sla-holidays": { name: "authz holiday", date: "2033-01-02" },
    "POST /kb-articles": { title: "authz article", body: "authz body" },
    "PATCH /kb-articles/[id]": { title: "authz article renamed" },
    "POST /templates": { name: "authz template", body: "Hello [customer_name]" },
    "PATCH /templates/[id]": { name: "authz template renamed" },
    "POST /order-actions/[id]/reject": { note: "authz" },
    "PATCH /store": { name: "authz store renamed", purgeOnUninstall: true },
    "PUT /store/connection": { apiPath: "anotherstore1", accessToken: "authzaccesstoken123" },
    "PUT /telegram/bot": { token: ids.botToken },
    "POST /webhooks/dead-letters/[id]/ticket": { subject: "authz dead letter" },
    "PATCH /users/[id]": { capacity: 3 },
    "PUT /customer-sync/mapping": DEFAULT_CUSTOMER_MAPPING,
    "PUT /users/[id]/availability": { availability: "AWAY" },
    "POST /tickets": { subject: "authz ticket" },
    "PATCH /tickets/[id]": { priority: "HIGH" },
    "POST /tickets/[id]/escalate": { reason: "authz" },
    "POST /tickets/[id]/merge": { targetTicketId: ids.mergeTarget },
    "POST /tickets/[id]/messages": { kind: "note", body: "authz note" },
    "POST /tickets/[id]/order-actions": { kind: "RESEND_TRACKING" },
    "POST /tickets/[id]/order-actions/refund-quote": { items: [{ item_type: "ORDER", item_id: orderId, amount: 1 }] },
    "POST /tickets/[id]/render-template": { templateId: ids.templates },
    "POST /tickets/[id]/snooze": { until: new Date(Date.now() + 86_400_000).toISOString() },
    "POST /tickets/[id]/transfer": { teamId: ids.teams },
    "POST /telegram/chat-links": { bigcommerceOrderId: orderId },
    "POST /tickets/[id]/verify-chat": { bigcommerceOrderId: orderId },
  };
  const method = label.split(" ")[0];
  return bodies[label] ?? (method === "GET" || method === "DELETE" ? undefined : {});
}

async function call(routeModule: RouteModule, label: string, route: string, headers: Record<string, string>, body: unknown = bodyFor(label)): Promise<Reply> {
  const method = label.split(" ")[0] as RouteMethod;
  const params = paramsFor(label, route);
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await routeModule[method]!(new Request(`http://tern.test/api/v1${concreteRoute(route, params)}`, init), { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  let json: Reply["json"] = null;
  try {
    json = text ? (JSON.parse(text) as Reply["json"]) : null;
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

function expectErrorShape(reply: Reply, status: number, code: string, label: string): void {
  expect(reply.status, `${label}: ${reply.text.slice(0, 200)}`).toBe(status);
  expect(reply.json?.error?.code, `${label}: ${reply.text.slice(0, 200)}`).toBe(code);
  expect(typeof reply.json?.error?.message, label).toBe("string");
}

/** A next-auth session token the way an attacker could make one: signed with another secret, or expired. */
async function forgedSession(user: TestUser, options: { secret?: string; maxAge?: number }): Promise<string> {
  const token = await encode({ secret: options.secret ?? process.env.NEXTAUTH_SECRET!, maxAge: options.maxAge ?? 3600, token: { sub: user.id, storeId: user.storeId, role: "ADMIN", name: user.name } });
  return `next-auth.session-token=${token}`;
}

beforeAll(async () => {
  bigcommerce = await startBigcommerceEmulator({ app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  telegram = await startTelegramEmulator();
  Object.assign(process.env, {
    BIGCOMMERCE_CLIENT_ID: CLIENT_ID,
    BIGCOMMERCE_CLIENT_SECRET: CLIENT_SECRET,
    BIGCOMMERCE_LOGIN_URL: bigcommerce.url,
    BIGCOMMERCE_API_URL: bigcommerce.url,
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });

  store = await createStore();
  otherStore = await createStore();
  const shop = bigcommerce.store(store.bigcommerceHash);
  shop.accessToken = BC_TOKEN;
  await db().store.update({ where: { id: store.id }, data: { accessTokenEncrypted: sealSecret(BC_TOKEN), ...telegramSecretColumns(`authz-${store.id}`) }, select: { id: true } });
  orderId = shop.createOrder({ products: [{ name: "Orbit Terrarium", sku: "OTS-L", price: 39.9, quantity: 1 }] }, { silent: true }).id;
  shop.addShipment(orderId, { trackingNumber: "1Z999AA10123456784", carrier: "ups" }, { silent: true });

  const team = await db().team.create({ data: { storeId: store.id, name: "authz team" }, select: { id: true } });
  admin = await createUser(store.id, { role: "ADMIN" });
  supervisor = await createUser(store.id, { role: "SUPERVISOR", teamId: team.id });
  agent = await createUser(store.id, { teamId: team.id });
  otherAgent = await createUser(store.id, { teamId: team.id });
  for (const user of [admin, supervisor, agent]) bearer[user.role] = (await createApiToken(db(), { storeId: store.id, userId: user.id, name: `authz ${user.role}` })).token;

  const customer = await createCustomer(store.id, { telegramChatId: "515151" });
  const { ticket } = await createTicket(store.id, { subject: "authz ticket", body: "hello", customerId: customer.id, bigcommerceOrderId: orderId });
  const { ticket: mergeSource } = await createTicket(store.id, { subject: "authz merge source" });
  const { ticket: mergeTarget } = await createTicket(store.id, { subject: "authz merge target" });
  const withFile = await db().message.create({
    data: { storeId: store.id, ticketId: ticket.id, kind: "INBOUND", channel: "TELEGRAM", body: "photo", attachments: [{ fileId: "authz-file", fileName: "a.jpg", mimeType: "image/jpeg", fileSize: 10 }] },
    select: { id: true },
  });
  const kb = await db().kbArticle.create({ data: { storeId: store.id, title: "authz article", body: "body" }, select: { id: true } });
  const template = await db().template.create({ data: { storeId: store.id, name: "authz template", body: "Hello [ticket_number]" }, select: { id: true } });
  const rule = await db().assignmentRule.create({ data: { storeId: store.id, name: "authz rule", position: 0, conditions: {}, teamId: team.id }, select: { id: true } });
  const sla = await db().slaPolicy.create({ data: { storeId: store.id, name: "authz sla", firstResponseSeconds: 3600, resolutionSeconds: 86400 }, select: { id: true } });
  const escalation = await db().escalationPolicy.create({ data: { storeId: store.id, name: "authz escalation", targetTeamId: team.id }, select: { id: true } });
  const holiday = await db().slaHoliday.create({ data: { storeId: store.id, name: "authz holiday", date: new Date("2031-12-25") }, select: { id: true } });
  const pending = (note: string) =>
    db().orderAction.create({
      data: { storeId: store.id, ticketId: ticket.id, bigcommerceOrderId: orderId, kind: "REFUND", status: "PENDING_APPROVAL", amount: 1, items: [{ item_type: "ORDER", item_id: orderId, amount: 1 }], reason: note, requestedById: agent.id },
      select: { id: true },
    });
  const dead = (key: string) =>
    db().inboundEvent.create({ data: { storeId: store.id, source: "BIGCOMMERCE", dedupeKey: `authz-${key}-${store.id}`, kind: "store/order/created", payload: {}, status: "DEAD", error: "authz" }, select: { id: true } });
  Object.assign(ids, {
    tickets: ticket.id,
    mergeSource: mergeSource.id,
    mergeTarget: mergeTarget.id,
    customers: customer.id,
    "kb-articles": kb.id,
    templates: template.id,
    users: otherAgent.id,
    "assignment-rules": rule.id,
    "sla-policies": sla.id,
    "escalation-policies": escalation.id,
    "sla-holidays": holiday.id,
    "api-tokens": (await createApiToken(db(), { storeId: store.id, userId: admin.id, name: "authz spare" })).id,
    spareToken: (await createApiToken(db(), { storeId: store.id, userId: admin.id, name: "authz spare 2" })).id,
    "order-actions": (await pending("approve me")).id,
    rejectAction: (await pending("reject me")).id,
    "webhooks/dead-letters": (await dead("retry")).id,
    deadForTicket: (await dead("ticket")).id,
    attachments: withFile.id,
    "tickets/[id]/messages": withFile.id,
    teams: team.id,
    // Queued: its cancel (run before POST /customer-imports, by path order) leaves room for a new import.
    "customer-imports": (await db().customerImport.create({ data: { storeId: store.id }, select: { id: true } })).id,
    botToken: telegram.createBot({ username: "tern_authz_bot", firstName: "Authz" }).token,
  });
});

afterAll(async () => {
  await bigcommerce?.close();
  await telegram?.close();
});

describe("/api/v1: the expected-role table", () => {
  it("classifies every route and method on disk, and names none that is gone", async () => {
    const onDisk = (await routesOnDisk()).map((entry) => entry.label).sort();
    expect(onDisk.length).toBeGreaterThan(40);
    const unclassified = onDisk.filter((label) => !(label in ACCESS));
    expect(unclassified, "routes on disk with no entry in ACCESS: decide who may call them").toEqual([]);
    expect(sortedLabels().filter((label) => !onDisk.includes(label)), "ACCESS names routes that are not on disk").toEqual([]);
  });
});

describe("/api/v1 without valid credentials", () => {
  it("answers 401 in the error shape on every route and method, with nothing, a bad or revoked token, or a forged, expired or stale session; nothing changes", async () => {
    const revoked = await createApiToken(db(), { storeId: store.id, userId: admin.id, name: "authz revoked" });
    await db().apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() }, select: { id: true } });
    const disabled = await createUser(store.id, { role: "ADMIN" });
    const disabledToken = await createApiToken(db(), { storeId: store.id, userId: disabled.id, name: "authz disabled" });
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() }, select: { id: true } });
    const credentials: Array<[string, Record<string, string>]> = [
      ["no credentials", {}],
      ["a revoked bearer token", { authorization: `Bearer ${revoked.token}` }],
      ["a made-up bearer token", { authorization: `Bearer ${revoked.token.slice(0, -4)}abcd` }],
      ["a bearer of garbage", { authorization: "Bearer not-a-token" }],
      ["another scheme", { authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}` }],
      ["a disabled admin's token", { authorization: `Bearer ${disabledToken.token}` }],
      ["a disabled admin's session", { cookie: await sessionCookieFor(disabled) }],
      ["a session signed with another secret", { cookie: await forgedSession(admin, { secret: "not-the-secret" }) }],
      ["an expired session", { cookie: await forgedSession(admin, { maxAge: -3600 }) }],
      ["a session cookie of garbage", { cookie: "next-auth.session-token=forged.value.here" }],
      ["a session cookie that is not URL-encoded", { cookie: "next-auth.session-token=%E0%A4%A" }],
    ];
    const before = await storeSnapshot(store.id);
    const routes = await routesOnDisk();
    for (const { label, route, module } of routes) {
      for (const [name, headers] of credentials) {
        expectErrorShape(await call(module, label, route, headers), 401, "UNAUTHORIZED", `${label} with ${name}`);
      }
    }
    expect(await storeSnapshot(store.id)).toBe(before);
  });
});

describe("/api/v1 by role", () => {
  it("refuses (403, nothing changes) every role the table does not allow, by session cookie and by API token", async () => {
    const before = await storeSnapshot(store.id);
    const denied: string[] = [];
    for (const { label, route, module } of await routesOnDisk()) {
      for (const user of [agent, supervisor]) {
        if (ROLES_FOR[ACCESS[label]!].includes(user.role)) continue;
        const auths: Array<Record<string, string>> = [{ cookie: await sessionCookieFor(user) }, { authorization: `Bearer ${bearer[user.role]}` }];
        for (const headers of auths) {
          expectErrorShape(await call(module, label, route, headers), 403, "FORBIDDEN", `${label} as ${user.role}`);
        }
        denied.push(`${label} as ${user.role}`);
      }
    }
    expect(await storeSnapshot(store.id)).toBe(before);
    expect(denied).toEqual(expect.arrayContaining(["PATCH /users/[id] as AGENT", "PATCH /users/[id] as SUPERVISOR", "POST /sla-policies as AGENT", "GET /metrics/dashboard as AGENT", "PUT /telegram/bot as SUPERVISOR", "POST /api-tokens as SUPERVISOR"]));
  });

  it("lets the least allowed role through on every route (so the 403s above are the guard, not broken routes)", async () => {
    const user: Record<Role, TestUser> = { AGENT: agent, SUPERVISOR: supervisor, ADMIN: admin };
    const routes = await routesOnDisk();
    // Deletes and the merge run last: they remove what the other calls use.
    const last = (label: string) => label.startsWith("DELETE") || label.endsWith("/merge");
    const ordered = [...routes.filter((entry) => !last(entry.label)), ...routes.filter((entry) => last(entry.label))];
    const problems: string[] = [];
    for (const { label, route, module } of ordered) {
      const role = LEAST_ROLE[ACCESS[label]!];
      const reply = await call(module, label, route, { cookie: await sessionCookieFor(user[role]) });
      const expected = ALLOWED_OUTCOME[label];
      const ok = expected ? reply.status === expected.status && reply.json?.error?.code === expected.code : reply.status >= 200 && reply.status < 300;
      if (!ok) problems.push(`${label} as ${role} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    // DELETE /store/connection disconnected the store: connected again, as the tests after this one expect.
    expect((await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { status: true } })).status).toBe("DISCONNECTED");
    await db().store.update({ where: { id: store.id }, data: { status: "ACTIVE", accessTokenEncrypted: sealSecret(BC_TOKEN) }, select: { id: true } });
  });

  it("checks the finer rules inside the handlers: agents' own availability only, cancelling orders for supervisors", async () => {
    const availability = (await import(path.join(V1_DIR, "users/[id]/availability/route.ts"))) as RouteModule;
    const orderActions = (await import(path.join(V1_DIR, "tickets/[id]/order-actions/route.ts"))) as RouteModule;
    const agentCookie = { cookie: await sessionCookieFor(agent) };
    const before = await storeSnapshot(store.id);
    const other = { id: otherAgent.id };
    const reply = async (routeModule: RouteModule, method: RouteMethod, url: string, params: Record<string, string>, headers: Record<string, string>, body?: unknown) => {
      const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) };
      const response = await routeModule[method]!(new Request(`http://tern.test/api/v1${url}`, init), { params: Promise.resolve(params) as Promise<never> });
      const text = await response.text();
      return { status: response.status, text, json: JSON.parse(text) as Reply["json"] };
    };
    expectErrorShape(await reply(availability, "GET", `/users/${other.id}/availability`, other, agentCookie), 403, "FORBIDDEN", "agent reads another's availability");
    expectErrorShape(await reply(availability, "PUT", `/users/${other.id}/availability`, other, agentCookie, { availability: "OFFLINE" }), 403, "FORBIDDEN", "agent sets another's availability");
    expectErrorShape(await reply(orderActions, "POST", `/tickets/${ids.tickets}/order-actions`, { id: ids.tickets! }, agentCookie, { kind: "CANCEL" }), 403, "FORBIDDEN", "agent cancels an order");
    expect(await storeSnapshot(store.id)).toBe(before);
    // The same calls by a supervisor pass the check.
    const supervisorCookie = { cookie: await sessionCookieFor(supervisor) };
    expect((await reply(availability, "PUT", `/users/${other.id}/availability`, other, supervisorCookie, { availability: "OFFLINE" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: otherAgent.id }, select: { availability: true } })).availability).toBe("OFFLINE");
  });
});

describe("cross-site writes with the session cookie (CSRF)", () => {
  const unsafe = (label: string) => !label.startsWith("GET ");

  it("refuses every state-changing route another site's page could forge: Sec-Fetch-Site cross-site, or a foreign Origin from a browser that sends no Sec-Fetch-Site", async () => {
    const cookie = await sessionCookieFor(admin);
    const forgeries: Array<[string, Record<string, string>]> = [
      ["Sec-Fetch-Site: cross-site", { cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
      ["Sec-Fetch-Site: same-site (a sibling subdomain)", { cookie, "sec-fetch-site": "same-site", host: "help.tern.test", origin: "https://shop.tern.test" }],
      ["a foreign Origin only", { cookie, host: "tern.test", origin: "https://evil.example" }],
      ["a foreign port of Tern's host", { cookie, host: "tern.test", origin: "http://tern.test:8080" }],
      ["Origin: null (sandboxed frame)", { cookie, host: "tern.test", origin: "null" }],
    ];
    const before = await storeSnapshot(store.id);
    const checked: string[] = [];
    for (const { label, route, module } of await routesOnDisk()) {
      if (!unsafe(label)) continue;
      for (const [name, headers] of forgeries) {
        const reply = await call(module, label, route, headers);
        expectErrorShape(reply, 403, "FORBIDDEN", `${label} with ${name}`);
        expect(reply.json?.error?.message).toBe("Cross-site request refused");
      }
      checked.push(label);
    }
    expect(await storeSnapshot(store.id)).toBe(before);
    expect(checked.length).toBeGreaterThan(30);
    expect(checked).toEqual(expect.arrayContaining(["POST /tickets", "PATCH /tickets/[id]", "POST /tickets/[id]/messages", "PATCH /users/[id]", "DELETE /api-tokens/[id]", "PUT /telegram/bot"]));
  });

  it("still serves Tern's own pages, reads, and API clients", async () => {
    const tickets = (await import(path.join(V1_DIR, "tickets/route.ts"))) as RouteModule;
    const cookie = await sessionCookieFor(agent);
    const own = async (headers: Record<string, string>, method: RouteMethod = "POST") => (await call(tickets, `${method} /tickets`, "/tickets", headers, method === "POST" ? { subject: "authz own page" } : undefined)).status;
    expect(await own({ cookie, host: "tern.test", origin: "http://tern.test" })).toBe(201);
    expect(await own({ cookie, host: "127.0.0.1:3000", "x-forwarded-host": "tern.test", origin: "http://tern.test" })).toBe(201);
    expect(await own({ cookie, "sec-fetch-site": "same-origin", origin: "http://tern.test" })).toBe(201);
    // Sec-Fetch-Site is what the browser vouches for; when it says same-origin a proxied Host does not matter.
    expect(await own({ cookie, "sec-fetch-site": "same-origin", host: "internal:3000", origin: "https://tern.example" })).toBe(201);
    expect(await own({ authorization: `Bearer ${bearer.AGENT}`, "sec-fetch-site": "cross-site", origin: "https://evil.example" })).toBe(201);
    expect(await own({ cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" }, "GET")).toBe(200);
  });

  it("next-auth's sign-in refuses a POST without its CSRF token, and signs in with it", async () => {
    const password = "authz-password-1";
    const user = await createUser(store.id, { role: "AGENT" });
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) }, select: { id: true } });
    const options = { ...authOptions, secret: process.env.NEXTAUTH_SECRET };
    /** next-auth's own handler (its pages-router form, which runs outside a Next request) with our options. */
    async function nextAuth(method: "GET" | "POST", action: string[], cookies: Record<string, string>, body: Record<string, string> = {}) {
      const headers: Record<string, string[]> = {};
      let status = 200;
      let sent: unknown = null;
      const res = {
        status: (code: number) => ((status = code), res),
        getHeader: (name: string) => headers[name.toLowerCase()],
        setHeader: (name: string, value: string | string[]) => ((headers[name.toLowerCase()] = [value].flat()), res),
        json: (value: unknown) => void (sent = value),
        send: (value: unknown) => void (sent = value),
        end: () => undefined,
      };
      const req = { method, query: { nextauth: action }, cookies, body, headers: { host: "tern.test", "content-type": "application/x-www-form-urlencoded" } };
      await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, options);
      const setCookies = headers["set-cookie"] ?? [];
      const cookie = (part: string) => setCookies.find((line) => line.includes(part))?.split(";")[0];
      return { status, body: sent as Record<string, string> | null, location: headers.location?.[0] ?? null, cookie };
    }

    const forged = await nextAuth("POST", ["callback", "credentials"], {}, { email: user.email, password, json: "true" });
    expect(forged.cookie("session-token")).toBeUndefined();
    expect(forged.body?.url).toContain("csrf=true");

    // Another site cannot read Tern's csrf cookie, so a token of its own choosing does not match it either.
    const csrf = await nextAuth("GET", ["csrf"], {});
    const csrfCookie = csrf.cookie("csrf-token")!;
    const csrfToken = csrf.body!.csrfToken!;
    expect(csrfCookie && csrfToken).toBeTruthy();
    const [cookieName, cookieValue] = [csrfCookie.slice(0, csrfCookie.indexOf("=")), decodeURIComponent(csrfCookie.slice(csrfCookie.indexOf("=") + 1))];
    const mismatched = await nextAuth("POST", ["callback", "credentials"], { [cookieName]: cookieValue }, { email: user.email, password, csrfToken: "a".repeat(64), json: "true" });
    expect(mismatched.cookie("session-token")).toBeUndefined();

    const genuine = await nextAuth("POST", ["callback", "credentials"], { [cookieName]: cookieValue }, { email: user.email, password, csrfToken, json: "true" });
    expect(genuine.cookie("session-token")).toBeTruthy();
  });
});

describe("BigCommerce app callbacks and webhook receivers", () => {
  it("the callbacks answer a missing, garbage or forged signed_payload_jwt with 401, and a broken install query with a 4xx, never a session or a 500", async () => {
    const forged = await signPayload({ clientId: CLIENT_ID, clientSecret: "not-the-secret", storeHash: store.bigcommerceHash, user: { id: 1, email: "x@shop.test" } });
    const before = await storeSnapshot(store.id);
    for (const [name, routeModule] of [["load", loadRoute], ["uninstall", uninstallRoute], ["remove-user", removeUserRoute], ["remove_user", removeUserAliasRoute]] as const) {
      for (const query of ["", "?signed_payload_jwt=", "?signed_payload_jwt=not.a.jwt", `?signed_payload_jwt=${forged}`, `?signed_payload_jwt=${forged}&signed_payload_jwt=x`]) {
        for (const accept of ["application/json", "text/html"]) {
          const response = await routeModule.GET(new Request(`http://tern.test/api/bigcommerce/${name}${query}`, { headers: { accept } }));
          expect(response.status, `${name}${query.slice(0, 40)} (${accept})`).toBe(401);
          expect(response.headers.getSetCookie()).toEqual([]);
        }
      }
    }
    for (const query of ["", "?code=x", "?context=stores/abc", "?code=x&context=not-a-store", "?code=&context=stores/abc&scope=x"]) {
      const response = await authRoute.GET(new Request(`http://tern.test/api/bigcommerce/auth${query}`));
      expect(response.status, `auth${query}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `auth${query}`).toBeLessThan(500);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(await storeSnapshot(store.id)).toBe(before);
  });

  it("both webhook receivers answer 401 to deliveries without their secret or with a wrong one, and store nothing", async () => {
    const events = () => db().inboundEvent.count({ where: { storeId: store.id } });
    const before = await events();
    const telegramUpdate = JSON.stringify({ update_id: 880001, message: { message_id: 1, date: 1, chat: { id: 515151, type: "private" }, from: { id: 515151, is_bot: false, first_name: "Eve" }, text: "forged" } });
    const telegramHeaders: Array<Record<string, string>> = [{}, { "x-telegram-bot-api-secret-token": "wrong" }, { "x-telegram-bot-api-secret-token": "" }];
    for (const headers of telegramHeaders) {
      const response = await telegramWebhook(new Request("http://tern.test/api/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: telegramUpdate }));
      expect(response.status, JSON.stringify(headers)).toBe(401);
    }
    const order = JSON.stringify({ scope: "store/order/created", store_id: "1", producer: `stores/${store.bigcommerceHash}`, data: { type: "order", id: orderId }, hash: "authz-forged", created_at: 1 });
    const bigcommerceHeaders: Array<Record<string, string>> = [{}, { [WEBHOOK_SECRET_HEADER]: "wrong" }, { [WEBHOOK_SECRET_HEADER]: otherStore.webhookSecret }];
    for (const headers of bigcommerceHeaders) {
      const response = await bigcommerceWebhook(new Request(`http://tern.test/api/webhooks/bigcommerce?store=${store.bigcommerceHash}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: order }));
      expect(response.status, JSON.stringify(headers)).toBe(401);
    }
    expect(await events()).toBe(before);
  });
});

describe("socket.io", () => {
  let harness: RealtimeHarness;
  let url: string;
  const connectAs = (headers: Record<string, string>) => harness.connect(headers);

  beforeAll(async () => {
    harness = await startRealtimeHarness();
    url = harness.url;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("refuses handshakes with a forged, expired, malformed or uninstalled-store session, and from another site by Origin alone", async () => {
    const gone = await createStore();
    const goneUser = await createUser(gone.id, { role: "ADMIN" });
    await db().store.update({ where: { id: gone.id }, data: { status: "UNINSTALLED" }, select: { id: true } });
    const refused: Array<Record<string, string>> = [
      {},
      { cookie: await forgedSession(agent, { secret: "not-the-secret" }) },
      { cookie: await forgedSession(agent, { maxAge: -3600 }) },
      { cookie: "next-auth.session-token=%E0%A4%A" },
      { cookie: await sessionCookieFor(goneUser) },
      { authorization: `Bearer ${bearer.ADMIN}` },
      { cookie: await sessionCookieFor(agent), origin: "https://evil.example" },
    ];
    for (const headers of refused) await expect(connectAs(headers), JSON.stringify(headers).slice(0, 120)).rejects.toThrow();
    await expect(connectAs({ cookie: await sessionCookieFor(agent), origin: url })).resolves.toBeTruthy();
  });

  it("disconnects a user the moment an admin disables them, and refuses them from then on", async () => {
    const leaver = await createUser(store.id);
    const socket = await connectAs({ cookie: await sessionCookieFor(leaver) });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const users = (await import(path.join(V1_DIR, "users/[id]/route.ts"))) as RouteModule;
    const patched = await users.PATCH!(
      new Request(`http://tern.test/api/v1/users/${leaver.id}`, { method: "PATCH", headers: { authorization: `Bearer ${bearer.ADMIN}`, "content-type": "application/json" }, body: JSON.stringify({ disabled: true }) }),
      { params: Promise.resolve({ id: leaver.id }) as Promise<never> },
    );
    expect(patched.status).toBe(200);
    expect(await disconnected).toBe("io server disconnect");
    await expect(connectAs({ cookie: await sessionCookieFor(leaver) })).rejects.toThrow("unauthorized");
  });

  it("every client→server event ignores malformed payloads and other stores' tickets, and the socket keeps working", async () => {
    // The events the server listens to, read from their declaration: a new one must be added here.
    const source = readFileSync(path.resolve(import.meta.dirname, "../../lib/realtime/events.ts"), "utf8");
    const declared = [...(/export type ClientToServerEvents = \{([\s\S]*?)\n\};/.exec(source)?.[1] ?? "").matchAll(/"([\w:]+)":/g)].map((match) => match[1]);
    const covered = ["ticket:join", "ticket:leave", "ticket:typing"];
    expect(declared.sort()).toEqual([...covered].sort());

    const { ticket: foreign } = await createTicket(otherStore.id, { subject: "authz foreign" });
    const foreignAgent = await createUser(otherStore.id);
    const watcher = await connectAs({ cookie: await sessionCookieFor(foreignAgent) });
    const joinedForeign = await new Promise<{ ok: boolean }>((resolve) => watcher.emit("ticket:join", foreign.id, resolve));
    expect(joinedForeign.ok).toBe(true);
    const heardByOtherStore: unknown[] = [];
    watcher.on("presence:changed", (payload) => heardByOtherStore.push(payload));

    const socket = await connectAs({ cookie: await sessionCookieFor(agent) });
    const emitRaw = (event: string, ...args: unknown[]) => (socket as unknown as Socket).emit(event, ...args);
    const join = (payload: unknown) => new Promise<{ ok: boolean; error?: string }>((resolve) => (socket as unknown as Socket).emit("ticket:join", payload, resolve));

    const malformed: unknown[] = [undefined, null, 42, true, "", "x", "a".repeat(100_000), { ticketId: ids.tickets }, [ids.tickets], "00000000-0000-0000-0000-000000000000", `${ids.tickets}' OR '1'='1`];
    for (const payload of malformed) expect((await join(payload)).ok, JSON.stringify(payload)?.slice(0, 60)).toBe(false);
    expect(await join(foreign.id)).toEqual({ ok: false, error: "ticket not found" });
    // Without an ack, or with a non-function where the ack goes: ignored, nothing thrown.
    emitRaw("ticket:join", foreign.id);
    emitRaw("ticket:join", foreign.id, "not a function");
    for (const payload of [...malformed, foreign.id]) {
      emitRaw("ticket:leave", payload);
      emitRaw("ticket:typing", payload);
      emitRaw("ticket:typing", { ticketId: payload, typing: true });
    }
    emitRaw("ticket:typing", { ticketId: foreign.id, typing: "yes" });
    emitRaw("ticket:typing", { ticketId: foreign.id, typing: true, storeId: otherStore.id });
    emitRaw("presence:changed", { ticketId: foreign.id, viewers: [{ userId: agent.id, name: "spoof", typing: true }] });
    emitRaw("no:such-event", { anything: 1 });

    // Still connected and served: a valid join of its own store's ticket works, and the other store heard nothing.
    expect(socket.connected).toBe(true);
    expect(await join(ids.tickets)).toEqual({ ok: true });
    const inForeignRoom = await harness.realtime.io.in(`ticket:${foreign.id}`).fetchSockets();
    expect(inForeignRoom.map((member) => member.data.userId)).toEqual([foreignAgent.id]);
    expect(heardByOtherStore).toEqual([]);
  });
});
