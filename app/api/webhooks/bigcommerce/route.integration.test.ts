import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { createStore, type TestStore } from "@/lib/testing/factories.ts";
import { bigcommerceWebhookRoute } from "@/lib/server/direct-routes.ts";
import { serveDirectHandler, serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import * as route from "./route.ts";

// The public webhook route over real HTTP, with deliveries shaped and sent by the BigCommerce
// emulator: served as Next serves its route file (a Fetch API Request), and as server.ts serves it
// in production (a direct route, no Request built).

type ErrorBody = { error: { code: string; message: string } };

let tern: RouteHandlerServer;
let emulator: BigcommerceEmulator;
let signing: BigcommerceEmulator;
let store: TestStore;
let url: string;

const SIGNING_SECRET = "client-secret-for-signatures";

function post(body: string | object, headers: Record<string, string> = {}, query = ""): Promise<Response> {
  return fetch(`${url}${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function envelope(overrides: Record<string, unknown> = {}) {
  return {
    scope: "store/order/created",
    store_id: "1025646",
    data: { type: "order", id: 250 },
    hash: `hash-${Math.random().toString(16).slice(2)}`,
    created_at: 1561479335,
    producer: `stores/${store.bigcommerceHash}`,
    ...overrides,
  };
}

const secret = () => ({ "X-Tern-Webhook-Secret": store.webhookSecret });

function events() {
  return db().inboundEvent.findMany({ where: { storeId: store.id }, orderBy: { receivedAt: "asc" }, select: { id: true, kind: true, status: true, error: true, payload: true, dedupeKey: true } });
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator();
  signing = await startBigcommerceEmulator({ signingSecret: SIGNING_SECRET });
});

afterAll(async () => {
  await emulator?.close();
  await signing?.close();
});

afterEach(() => {
  delete process.env.BIGCOMMERCE_CLIENT_SECRET;
});

const servings = [
  { name: "through its route file's POST, as Next serves it", serve: () => serveRouteHandler(route.POST) },
  { name: "as a direct route, as server.ts serves it", serve: () => serveDirectHandler(bigcommerceWebhookRoute) },
];

describe.each(servings)("the receiver $name", ({ serve }) => {
  beforeAll(async () => {
    tern = await serve();
    url = `${tern.url}/api/webhooks/bigcommerce`;
  });

  afterAll(async () => {
    await tern?.close();
  });

  describe("authentication", () => {
    it("stores an authentic delivery and answers 200 with no body, after it is committed", async () => {
      store = await createStore();
      const response = await post(envelope(), secret());
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
      // No wait, no worker: the event was durable before the 200.
      expect(await events()).toMatchObject([{ kind: "store/order/created", status: "PENDING" }]);
    });

    it("answers 401 without the secret header or with a wrong one, stores nothing and counts it", async () => {
      store = await createStore();
      const attempts: Record<string, string>[] = [{}, { "X-Tern-Webhook-Secret": "wrong" }, { "X-Tern-Webhook-Secret": "" }];
      for (const headers of attempts) {
        const response = await post(envelope(), headers);
        expect(response.status).toBe(401);
        expect(((await response.json()) as ErrorBody).error.code).toBe("UNAUTHORIZED");
      }
      expect(await events()).toEqual([]);
      const counted = await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { webhookRejectedCount: true, webhookLastRejectedAt: true } });
      expect(counted.webhookRejectedCount).toBe(3);
      expect(counted.webhookLastRejectedAt).not.toBeNull();
    });

    it("never waits for the store row (where ticket numbers are taken) to count a refusal", async () => {
      store = await createStore();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db().$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Store" WHERE id = ${store.id}::uuid FOR UPDATE`;
        locked();
        await released;
      });
      await isLocked;
      // Answered while the row is locked (a blocking update would hang here).
      expect((await post(envelope(), { "X-Tern-Webhook-Secret": "forged" })).status).toBe(401);
      release();
      await holder;
      expect((await post(envelope(), { "X-Tern-Webhook-Secret": "forged" })).status).toBe(401);
      expect((await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { webhookRejectedCount: true } })).webhookRejectedCount).toBe(2);
    });

    it("accepts the hook's registered header as BigCommerce (the emulator) sends it", async () => {
      store = await createStore();
      const deliveries = await emulator.fireWebhook(store.bigcommerceHash, "store/order/created", { type: "order", id: 1 }, { destination: url, headers: secret() });
      expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
      const wrong = await emulator.fireWebhook(store.bigcommerceHash, "store/order/created", { type: "order", id: 2 }, { destination: url, headers: { "X-Tern-Webhook-Secret": "nope" } });
      expect(wrong.map((delivery) => delivery.status)).toEqual([401]);
    });

    it("verifies Standard Webhooks signatures when present: valid alone is enough, invalid is refused even with the secret", async () => {
      store = await createStore();
      process.env.BIGCOMMERCE_CLIENT_SECRET = SIGNING_SECRET;
      const signedOnly = await signing.fireWebhook(store.bigcommerceHash, "store/order/created", { type: "order", id: 10 }, { destination: url });
      expect(signedOnly.map((delivery) => delivery.status)).toEqual([200]);

      const forged = { "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" };
      const response = await post(envelope({ data: { type: "order", id: 11 } }), { ...secret(), ...forged });
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(/signature/);

      // Tampering with a signed body breaks the signature.
      const [delivery] = signedOnly;
      const tampered = await fetch(url, { method: "POST", headers: delivery!.headers, body: delivery!.body.replace('"id":10', '"id":12') });
      expect(tampered.status).toBe(401);
      expect(await events()).toHaveLength(1);
    });

    it("relies on the secret header when a signature cannot be checked (no client secret configured)", async () => {
      store = await createStore();
      const signed = await signing.fireWebhook(store.bigcommerceHash, "store/order/created", { type: "order", id: 20 }, { destination: url, headers: secret() });
      expect(signed.map((delivery) => delivery.status)).toEqual([200]);
      const unsignedNoSecret = await signing.fireWebhook(store.bigcommerceHash, "store/order/created", { type: "order", id: 21 }, { destination: url });
      expect(unsignedNoSecret.map((delivery) => delivery.status)).toEqual([401]);
    });
  });

  describe("parsing and errors", () => {
    beforeAll(async () => {
      store = await createStore();
    });

    it("answers 400 to garbage, in the error shape", async () => {
      for (const body of ["{not json", "", "   ", "[]", '"text"', "42", "null", "x".repeat(1_100_000)]) {
        const response = await post(body, secret());
        expect(response.status, body.slice(0, 20)).toBe(400);
        expect(((await response.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
      }
    });

    it("answers 404 for an unknown store and 400 when no store is named", async () => {
      const unknown = await post(envelope({ producer: "stores/no-such-store" }), secret());
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as ErrorBody).error.code).toBe("NOT_FOUND");
      const anonymous = await post({ event: "order.created", data: { id: 1 } }, secret());
      expect(anonymous.status).toBe(400);
    });

    it("accepts store_id as a string or a number", async () => {
      expect((await post(envelope({ store_id: 1025646, hash: "numeric-store-id" }), secret())).status).toBe(200);
      expect((await post(envelope({ store_id: "1025646", hash: "string-store-id" }), secret())).status).toBe(200);
    });

    it("stores an unknown shape and dead-letters it when processed, never crashing", async () => {
      const response = await post({ hello: "world", data: "\u0000 nul" }, secret(), `?store=${store.bigcommerceHash}`);
      expect(response.status).toBe(200);
      await runInboundBatch(db(), { workerId: "route-test", storeId: store.id, limit: 50 });
      const unknown = (await events()).find((event) => event.kind === "unknown")!;
      expect(unknown.status).toBe("DEAD");
      expect(unknown.error).toMatch(/PermanentEventError: Not a BigCommerce webhook/);
      expect(unknown.payload).toEqual({ hello: "world", data: " nul" });
    });

    it("processes scopes Tern does not act on as done, and unknown scopes as dead letters", async () => {
      await post(envelope({ scope: "store/product/updated", data: { type: "product", id: 5 }, hash: "product-1" }), secret());
      await post(envelope({ scope: "weird/scope", hash: "weird-1" }), secret());
      await runInboundBatch(db(), { workerId: "route-test", storeId: store.id, limit: 50 });
      const byKind = Object.fromEntries((await events()).map((event) => [event.kind, event.status]));
      expect(byKind["store/product/updated"]).toBe("PROCESSED");
      expect(byKind["weird/scope"]).toBe("DEAD");
    });

    it("answers 405 in the error shape to other methods", async () => {
      const response = await route.GET();
      expect(response.status).toBe(405);
      expect(((await response.json()) as ErrorBody).error.code).toBe("METHOD_NOT_ALLOWED");
    });
  });

  describe("duplicates", () => {
    it("stores a delivery once however often and however concurrently it arrives; each answer is 200", async () => {
      store = await createStore();
      const body = JSON.stringify(envelope({ hash: "same-event" }));
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(body, secret())));
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(await events()).toHaveLength(1);
    });

    it("keeps two updates of one order that share BigCommerce's hash apart", async () => {
      store = await createStore();
      await post(envelope({ scope: "store/order/updated", hash: "h", created_at: 100 }), secret());
      await post(envelope({ scope: "store/order/updated", hash: "h", created_at: 160 }), secret());
      expect(await events()).toHaveLength(2);
    });
  });
});
