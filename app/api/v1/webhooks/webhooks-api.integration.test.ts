import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { getWebhookHealth, type WebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import type { DeadLetterDto } from "@/lib/inbound/dead-letter-dto.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, createUser, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import * as retryRoute from "./dead-letters/[id]/retry/route.ts";
import * as ticketRoute from "./dead-letters/[id]/ticket/route.ts";
import * as deadLettersRoute from "./dead-letters/route.ts";
import * as healthRoute from "./health/route.ts";

const BASE = "http://tern.test/api/v1/webhooks";
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let hookUrl: string;
let store: TestStore;
let shop: EmulatedStore;
let adminToken: string;
let agentToken: string;

function request(token: string, method: string, path: string, body?: unknown): Request {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function drain(): Promise<void> {
  await emulator.flushWebhooks();
  while ((await runInboundBatch(db(), { workerId: "admin-api", storeId: store.id, limit: 20 })).claimed > 0);
}

function post(body: unknown, headers: Record<string, string> = { "X-Tern-Webhook-Secret": store.webhookSecret }, query = "") {
  return fetch(`${hookUrl}${query}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

async function tokenFor(storeId: string, role: "ADMIN" | "AGENT"): Promise<string> {
  const user = await createUser(storeId, { role });
  return (await createApiToken(db(), { storeId, userId: user.id, name: role })).token;
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  hookUrl = `${tern.url}/api/webhooks/bigcommerce`;
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
  adminToken = await tokenFor(store.id, "ADMIN");
  agentToken = await tokenFor(store.id, "AGENT");

  // Some healthy traffic, one refused delivery, one BigCommerce deliveryException, and two events
  // that cannot be processed: an unknown shape, and an order BigCommerce does not have.
  shop.createOrder({ products: [{ name: "Vase", sku: "V-1", price: 20 }] });
  await post({ scope: "store/order/created", data: { type: "order", id: 1 }, hash: "x", created_at: 1, producer: `stores/${store.bigcommerceHash}` }, {});
  await emulator.fireWebhook(shop.hash, "store/hook/deliveryException", { type: "webhook", id: 7, error_code: 90002, message: "Retries exhausted, hook disabled" });
  await post({ something: "else" }, undefined, `?store=${store.bigcommerceHash}`);
  await post({ scope: "store/order/updated", data: { type: "order", id: 777777 }, hash: "missing-order", created_at: 2, producer: `stores/${store.bigcommerceHash}` });
  await drain();
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

describe("GET /api/v1/webhooks/health", () => {
  it("reports deliveries, failures, BigCommerce's delivery exceptions and lag, with alerts", async () => {
    const response = await healthRoute.GET(request(adminToken, "GET", "/health"), noParams);
    expect(response.status).toBe(200);
    const { health } = (await response.json()) as { health: WebhookHealth };
    expect(health.storeStatus).toBe("ACTIVE");
    expect(health.lastDeliveryAt).not.toBeNull();
    expect(health.deliveries.lastHour).toBeGreaterThanOrEqual(4);
    expect(health.failures).toMatchObject({ deadLetters: 2, rejected: 1, retrying: 0 });
    expect(health.deliveryExceptions).toMatchObject({ last7Days: 1, latest: { errorCode: "90002", message: "Retries exhausted, hook disabled" } });
    expect(health.processingLagMs.p50).toEqual(expect.any(Number));
    expect(health.backlog.waiting).toBe(0);
    expect(health.alerts).toEqual(expect.arrayContaining([expect.stringContaining("(90002)"), expect.stringContaining("2 event(s) could not be processed")]));
  });

  it("drops the 90002 alert once the hooks are registered again after it", async () => {
    expect((await getWebhookHealth(db(), store.id)).alerts.some((alert) => alert.includes("(90002)"))).toBe(true);
    await db().store.update({ where: { id: store.id }, data: { webhooksRegisteredAt: new Date() } });
    const health = await getWebhookHealth(db(), store.id);
    expect(health.alerts.some((alert) => alert.includes("(90002)"))).toBe(false);
    // The exception itself is still reported, as history.
    expect(health.deliveryExceptions.last7Days).toBe(1);
    await db().store.update({ where: { id: store.id }, data: { webhooksRegisteredAt: null } });
  });

  it("alerts when deliveries stop", async () => {
    const later = await getWebhookHealth(db(), store.id, new Date(Date.now() + 7 * 3_600_000));
    expect(later.alerts).toEqual(expect.arrayContaining([expect.stringMatching(/^No webhook has arrived for 7 hours/)]));
    expect((await getWebhookHealth(db(), store.id)).alerts.some((alert) => alert.startsWith("No webhook"))).toBe(false);
  });

  it("is for admins and supervisors only", async () => {
    expect((await healthRoute.GET(request(agentToken, "GET", "/health"), noParams)).status).toBe(403);
    expect((await deadLettersRoute.GET(request(agentToken, "GET", "/dead-letters"), noParams)).status).toBe(403);
  });
});

describe("dead letters", () => {
  async function list(query = ""): Promise<{ items: DeadLetterDto[]; nextCursor: string | null }> {
    const response = await deadLettersRoute.GET(request(adminToken, "GET", `/dead-letters${query}`), noParams);
    expect(response.status).toBe(200);
    return (await response.json()) as { items: DeadLetterDto[]; nextCursor: string | null };
  }

  it("lists them newest first with the error and the payload, paged", async () => {
    const { items } = await list();
    expect(items.map((item) => item.kind)).toEqual(["store/order/updated", "unknown"]);
    expect(items[0]).toMatchObject({ source: "BIGCOMMERCE", status: "DEAD", attempts: 1, manualTicketId: null });
    expect(items[0]!.error).toContain("Order 777777 does not exist in BigCommerce");
    expect(items[1]!.payload).toEqual({ something: "else" });
    const first = await list("?limit=1");
    expect(first.items).toHaveLength(1);
    expect((await list(`?limit=1&cursor=${first.nextCursor}`)).items.map((item) => item.kind)).toEqual(["unknown"]);
    expect((await deadLettersRoute.GET(request(adminToken, "GET", "/dead-letters?limit=0"), noParams)).status).toBe(422);
  });

  it("creates a ticket by hand, once, carrying the error, the payload and the order id", async () => {
    const [missingOrder] = (await list()).items;
    const response = await ticketRoute.POST(request(adminToken, "POST", `/dead-letters/${missingOrder!.id}/ticket`), idParams(missingOrder!.id));
    expect(response.status).toBe(201);
    const { ticket } = (await response.json()) as { ticket: { id: string; subject: string; bigcommerceOrderId: number; tags: string[]; status: string; source: string } };
    expect(ticket).toMatchObject({ subject: "BigCommerce event needs attention: store/order/updated (order #777777)", bigcommerceOrderId: 777777, tags: ["dead-letter"], status: "AWAITING_AGENT", source: "MANUAL" });
    const note = await db().message.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "NOTE" }, select: { body: true } });
    expect(note.body).toContain("Order 777777 does not exist in BigCommerce");
    expect(note.body).toContain('"hash": "missing-order"');

    const again = await ticketRoute.POST(request(adminToken, "POST", `/dead-letters/${missingOrder!.id}/ticket`, { subject: "Again" }), idParams(missingOrder!.id));
    expect(again.status).toBe(409);
    expect((await list()).items.map((item) => item.kind)).toEqual(["unknown"]);
    expect((await list("?includeHandled=true")).items[0]!.manualTicketId).toBe(ticket.id);
  });

  it("puts one back in the queue; the worker tries it again", async () => {
    const [unknown] = (await list()).items;
    const response = await retryRoute.POST(request(adminToken, "POST", `/dead-letters/${unknown!.id}/retry`), idParams(unknown!.id));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { event: DeadLetterDto }).event).toMatchObject({ status: "PENDING", attempts: 0 });
    await drain();
    expect(await db().inboundEvent.findUniqueOrThrow({ where: { id: unknown!.id }, select: { status: true, attempts: true } })).toEqual({ status: "DEAD", attempts: 1 });
  });

  it("keeps every store to its own dead letters", async () => {
    const other = await createStore();
    const otherAdmin = await tokenFor(other.id, "ADMIN");
    const [mine] = (await list("?includeHandled=true")).items;
    expect(((await (await deadLettersRoute.GET(request(otherAdmin, "GET", "/dead-letters"), noParams)).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await ticketRoute.POST(request(otherAdmin, "POST", `/dead-letters/${mine!.id}/ticket`), idParams(mine!.id))).status).toBe(404);
    expect((await retryRoute.POST(request(otherAdmin, "POST", `/dead-letters/${mine!.id}/retry`), idParams(mine!.id))).status).toBe(404);
    expect((await ticketRoute.POST(request(adminToken, "POST", "/dead-letters/not-a-uuid/ticket"), idParams("not-a-uuid"))).status).toBe(404);
  });
});
