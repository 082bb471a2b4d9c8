import { telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { beforeAll, describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route.ts";
import * as customersRoute from "@/app/api/v1/customers/route.ts";
import * as kbArticlesRoute from "@/app/api/v1/kb-articles/route.ts";
import * as templatesRoute from "@/app/api/v1/templates/route.ts";
import * as ticketsRoute from "@/app/api/v1/tickets/route.ts";
import { POST as bigcommerceWebhook } from "@/app/api/webhooks/bigcommerce/route.ts";
import { POST as telegramWebhook } from "@/app/api/webhooks/telegram/route.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { db } from "@/lib/db/client.ts";
import { createStore, createUser, type TestStore } from "@/lib/testing/factories.ts";

// What an attacker sent from outside, each once a 500 (or worse): every one is now a 4xx in the
// API's error shape, and nothing reaches PostgreSQL or a cache.

type ErrorBody = { error: { code: string; message: string } };

const TELEGRAM_SECRET = "hostile-input-telegram-secret";
let store: TestStore;
let token: string;

beforeAll(async () => {
  store = await createStore();
  await db().store.update({ where: { id: store.id }, data: telegramSecretColumns(TELEGRAM_SECRET) });
  const admin = await createUser(store.id, { role: "ADMIN" });
  token = (await createApiToken(db(), { storeId: store.id, userId: admin.id, name: "hostile" })).token;
});

async function expectClientError(response: Response, status = 400): Promise<ErrorBody> {
  const body = (await response.json()) as ErrorBody;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toEqual(expect.any(String));
  expect(body.error.message).toEqual(expect.any(String));
  return body;
}

function nested(levels: number, inner = "1"): string {
  return `${'{"a":'.repeat(levels)}${inner}${"}".repeat(levels)}`;
}

function bigcommerceDelivery(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return bigcommerceWebhook(new Request("http://tern.test/api/webhooks/bigcommerce", { method: "POST", headers: { "content-type": "application/json", [WEBHOOK_SECRET_HEADER]: store.webhookSecret, ...headers }, body }));
}

function api(path: string, init: RequestInit = {}): Request {
  return new Request(`http://tern.test/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
}

const noParams = { params: Promise.resolve({}) };

describe("BigCommerce webhook receiver", () => {
  it("refuses a store hash that is no store hash (U+0000, 900 KB) before any lookup", async () => {
    await expectClientError(await bigcommerceDelivery(JSON.stringify({ store_hash: `${store.bigcommerceHash}\u0000`, scope: "store/order/created", data: { type: "order", id: 1 } })));
    await expectClientError(await bigcommerceDelivery(JSON.stringify({ store_hash: `h${"a".repeat(900_000)}`, scope: "x" })));
    await expectClientError(await bigcommerceDelivery(JSON.stringify({ producer: "stores/a b", scope: "x" })));
  });

  it("refuses JSON nested 10,000 levels deep with a 400, and stores nothing", async () => {
    const before = await db().inboundEvent.count({ where: { storeId: store.id } });
    await expectClientError(await bigcommerceDelivery(`{"store_hash":${JSON.stringify(store.bigcommerceHash)},"scope":"store/order/created","data":${nested(10_000)}}`));
    expect(await db().inboundEvent.count({ where: { storeId: store.id } })).toBe(before);
  });
});

describe("Telegram webhook receiver", () => {
  it("refuses an update nested 10,000 levels deep with a 400", async () => {
    const body = `{"update_id":1,"message":${nested(10_000, '"\\u0000"')}}`;
    const response = await telegramWebhook(new Request("http://tern.test/api/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET }, body }));
    await expectClientError(response);
  });
});

describe("/api/v1", () => {
  it("refuses a write nested 5,000 levels deep holding U+0000 with a 400", async () => {
    const body = `{"name":"x","body":${nested(5_000, '"\\u0000"')}}`;
    await expectClientError(await templatesRoute.POST(api("/templates", { method: "POST", headers: { "content-type": "application/json" }, body }), noParams));
  });

  it("refuses an order id beyond PostgreSQL's integers and a cursor date PostgreSQL cannot store", async () => {
    expect((await ticketsRoute.GET(api("/tickets?bigcommerceOrderId=2147483648"), noParams)).status).toBeLessThan(500);
    await expectClientError(await ticketsRoute.GET(api("/tickets?bigcommerceOrderId=2147483648"), noParams), 422);
    for (const date of ["0000-01-01T00:00:00.000Z", "-200000-01-01T00:00:00.000Z"]) {
      const cursor = Buffer.from(JSON.stringify([date, "01890a5d-ac96-774b-bcce-b302099a8057"])).toString("base64url");
      await expectClientError(await ticketsRoute.GET(api(`/tickets?cursor=${cursor}`), noParams));
    }
  });

  it("refuses %00 in searches and tags of tickets, customers and articles", async () => {
    await expectClientError(await ticketsRoute.GET(api("/tickets?q=lost%00parcel"), noParams), 422);
    await expectClientError(await ticketsRoute.GET(api("/tickets?tag=vip%00"), noParams), 422);
    await expectClientError(await customersRoute.GET(api("/customers?q=%00"), noParams), 422);
    await expectClientError(await kbArticlesRoute.GET(api("/kb-articles?q=a%00b"), noParams), 422);
    await expectClientError(await kbArticlesRoute.GET(api("/kb-articles?tag=%00"), noParams), 422);
  });
});

describe("next-auth", () => {
  it("refuses a callbackUrl of another site or a script on sign-in, callback and sign-out with a 400", async () => {
    const context = { params: Promise.resolve({ nextauth: ["signin"] }) };
    for (const value of ["javascript:alert(1)", "http://localhost:3000.evil.example/", "\\\\evil.example"]) {
      for (const action of ["signin", "callback/credentials", "signout"]) {
        const request = new Request(`http://localhost:3000/api/auth/${action}?callbackUrl=${encodeURIComponent(value)}`);
        await expectClientError(await nextAuthRoute.GET(request, { params: Promise.resolve({ nextauth: action.split("/") }) }));
      }
    }
    // The callback-url cookie is read the same way.
    const withCookie = new Request("http://localhost:3000/api/auth/signin", { headers: { cookie: `next-auth.callback-url=${encodeURIComponent("javascript:alert(1)")}` } });
    await expectClientError(await nextAuthRoute.GET(withCookie, context));
  });
});
