import { telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as bigcommerceAuth from "@/app/api/bigcommerce/auth/route.ts";
import * as bigcommerceLoad from "@/app/api/bigcommerce/load/route.ts";
import * as bigcommerceRemoveUser from "@/app/api/bigcommerce/remove-user/route.ts";
import * as bigcommerceRemoveUserAlias from "@/app/api/bigcommerce/remove_user/route.ts";
import * as bigcommerceUninstall from "@/app/api/bigcommerce/uninstall/route.ts";
import { POST as bigcommerceWebhook } from "@/app/api/webhooks/bigcommerce/route.ts";
import { POST as telegramWebhook } from "@/app/api/webhooks/telegram/route.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { db } from "@/lib/db/client.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { signPayload } from "@/lib/emulators/bigcommerce/sign-payload.ts";
import { concreteRoute, paramNames, ROUTE_METHODS, routeFiles, routePath, type RouteMethod, type RouteModule } from "@/lib/testing/api-routes.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";

// Malformed input never gets a 500: every /api/v1 route (found on disk, so new routes are covered
// as they appear) and both webhook receivers, fed broken bodies, ids and query strings by an
// admin; the BigCommerce app callbacks, fed broken query strings and JWTs. Bad input is the client's error and must come back as a 4xx in the API's error shape.

const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** mulberry32: the "random" cases are the same on every run, so a failure replays. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Field names the API's bodies use; each gets a value of the wrong type.
const FIELDS = [
  "subject", "body", "status", "priority", "kind", "channel", "tags", "assigneeId", "teamId", "customerId", "parentTicketId",
  "targetTicketId", "ticketId", "templateId", "name", "title", "email", "role", "availability", "capacity", "enabled",
  "conditions", "position", "ids", "until", "reason", "note", "items", "amount", "firstResponseSeconds", "resolutionSeconds",
  "date", "token", "botToken", "userId", "bigcommerceOrderId", "purgeOnUninstall", "refundApprovalThreshold", "timeZone",
  "businessHours", "targetTeamId", "afterSeconds", "mode", "strategy", "orderId", "report", "from", "to", "content", "keywords",
];

// Fields that hold free text somewhere in the API.
const TEXT_FIELDS = ["subject", "body", "name", "title", "email", "reason", "note", "tags", "keywords", "content", "until", "date", "timeZone", "token", "botToken"];

function everyField(value: unknown): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, value]));
}

const BIG = "x".repeat(200 * 1024);
const WEIRD = "emoji 😀🏳️‍🌈 nul \u0000 mid\u0000dle rtl \u202e bom \ufeff lone \ud800 ctrl \u0007 ";

function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return Math.floor((random() - 0.5) * 2 ** 40) / (random() < 0.5 ? 1 : 7);
    case 3:
      return String.fromCodePoint(...Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 0x2ffff)).filter((code) => code < 0xd800 || code > 0xdfff));
    case 4:
      return FIELDS[Math.floor(random() * FIELDS.length)];
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 6) }, () => [FIELDS[Math.floor(random() * FIELDS.length)]!, randomValue(random, depth + 1)]));
  }
}

/** Raw request bodies, sent as they are (so "{" stays broken JSON). */
function malformedBodies(): Array<[label: string, body: string]> {
  const random = seededRandom(0x7e4e);
  return [
    ["empty", ""],
    ["truncated", "{"],
    ["null", "null"],
    ["array", "[]"],
    ["number", "123"],
    ["unknown field", JSON.stringify({ a: 1 })],
    ["numbers as strings", JSON.stringify(everyField("123"))],
    ["strings as objects", JSON.stringify(everyField({ nested: { deeper: "x" } }))],
    ["everything a number", JSON.stringify(everyField(42))],
    ["arrays as numbers", JSON.stringify(everyField(-1.5))],
    ["everything an array", JSON.stringify(everyField([[1], "x"]))],
    ["everything null", JSON.stringify(everyField(null))],
    ["everything true", JSON.stringify(everyField(true))],
    ["200 KB strings", JSON.stringify(everyField(BIG))],
    ["unicode, emoji and NUL", JSON.stringify(everyField(WEIRD))],
    ["NUL in keys", JSON.stringify({ "sub\u0000ject": "x", "\u0000": WEIRD })],
    ...Array.from({ length: 6 }, (_unused, index): [string, string] => [`seeded random #${index}`, JSON.stringify(randomValue(random))]),
    // Bodies otherwise valid enough to reach the database, with text no column expects.
    ...([["NUL/surrogate", WEIRD], ["emoji", WEIRD.replaceAll("\u0000", "").replace("\ud800", "")], ["200 KB", BIG]] as const).flatMap(([size, text]): Array<[string, string]> => {
      return [
        ...TEXT_FIELDS.map((field): [string, string] => [`${size} ${field}`, JSON.stringify({ [field]: text })]),
        [`${size} ticket`, JSON.stringify({ subject: text, body: text, tags: [text] })],
        [`${size} note`, JSON.stringify({ kind: "note", body: text })],
        [`${size} reply`, JSON.stringify({ kind: "reply", body: text })],
        [`${size} named`, JSON.stringify({ name: text, body: text, title: text })],
        [`${size} policy`, JSON.stringify({ name: text, firstResponseSeconds: 60, resolutionSeconds: 60, date: "2032-01-01", conditions: {}, reason: text, note: text })],
      ];
    }),
  ];
}

const BAD_IDS = ["x", "00000000-0000-0000-0000-000000000000", "a".repeat(500), "../../etc/passwd", "-1", "1e309", "%00"];

const BAD_QUERIES = [
  "?limit=-1",
  "?limit=abc",
  "?limit=99999999999999999999999",
  "?limit=1.5&limit=2",
  "?cursor=%%%",
  "?cursor=00000000-0000-0000-0000-000000000000",
  `?cursor=${"z".repeat(500)}`,
  "?status=NOPE",
  "?status=OPEN&status=NOPE&status=",
  "?priority=NOPE&channel=NOPE&assigneeId=x&teamId=x&customerId=x&tag=%00",
  "?from=not-a-date&to=2020-13-45",
  "?from=2030-01-01&to=2020-01-01",
  "?report=NOPE&format=NOPE",
  `?q=${encodeURIComponent(WEIRD.replace("\ud800", ""))}${"q".repeat(2000)}`,
  "?q=%F0%9F%98&q=%C0%AF",
  "?sort=%27;drop table tickets;--&order=sideways",
];

let store: TestStore;
let bearer: string;
let telegramSecret: string;
const ids: Record<string, string> = {};

type Outcome = { label: string; status: number; text: string; contentType: string };

/** What is wrong with an answer to malformed input, or null: any 5xx, or an error body off the API's shape. */
function problemWith({ label, status, text, contentType }: Outcome): string | null {
  if (status >= 500) return `${label} answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400 || !contentType.includes("json")) return null;
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } } | null;
  const shaped = typeof body?.error?.code === "string" && typeof body.error.message === "string";
  return shaped ? null : `${label} answered ${status} outside the error shape: ${text.slice(0, 300)}`;
}

/** Every problem at once, so one run lists all the routes to fix. */
function expectNoProblems(outcomes: Outcome[]): void {
  expect(outcomes.map(problemWith).filter((problem) => problem !== null)).toEqual([]);
}

async function send(handler: NonNullable<RouteModule[RouteMethod]>, label: string, method: RouteMethod, url: string, headers: Record<string, string>, params: Record<string, string>, body?: string): Promise<Outcome> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined && method !== "GET") {
    init.body = body;
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await handler(new Request(url, init), { params: Promise.resolve(params) as Promise<never> });
  return { label, status: response.status, text: await response.text(), contentType: response.headers.get("content-type") ?? "" };
}

/** A real id of the admin's own store for each dynamic segment, so body validation is reached. */
function validParams(route: string): Record<string, string> {
  const segments = route.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, index) => {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (!name) return;
    params[name] = name === "index" ? "0" : (ids[segments.slice(0, index).join("/")] ?? ids.tickets!);
  });
  return params;
}

beforeAll(async () => {
  store = await createStore();
  telegramSecret = `fuzz-${store.id}`;
  await db().store.update({ where: { id: store.id }, data: telegramSecretColumns(telegramSecret), select: { id: true } });
  const team = await db().team.create({ data: { storeId: store.id, name: "fuzz team" }, select: { id: true } });
  const admin = await createUser(store.id, { role: "ADMIN" });
  const agent = await createUser(store.id, { teamId: team.id });
  bearer = (await createApiToken(db(), { storeId: store.id, userId: admin.id, name: "fuzz" })).token;
  const customer = await createCustomer(store.id, { telegramChatId: "777" });
  const { ticket } = await createTicket(store.id, { subject: "fuzz ticket", body: "hello", customerId: customer.id, bigcommerceOrderId: 77 });
  const withFile = await db().message.create({
    data: { storeId: store.id, ticketId: ticket.id, kind: "INBOUND", channel: "TELEGRAM", body: "photo", attachments: [{ fileId: "fuzz-file", fileName: "f.jpg", mimeType: "image/jpeg", fileSize: 10 }] },
    select: { id: true },
  });
  const kb = await db().kbArticle.create({ data: { storeId: store.id, title: "fuzz article", body: "body" }, select: { id: true } });
  const template = await db().template.create({ data: { storeId: store.id, name: "fuzz template", body: "hi [customer_name]" }, select: { id: true } });
  const rule = await db().assignmentRule.create({ data: { storeId: store.id, name: "fuzz rule", position: 0, conditions: {}, teamId: team.id }, select: { id: true } });
  const sla = await db().slaPolicy.create({ data: { storeId: store.id, name: "fuzz sla", firstResponseSeconds: 3600, resolutionSeconds: 86400 }, select: { id: true } });
  const escalation = await db().escalationPolicy.create({ data: { storeId: store.id, name: "fuzz escalation", targetTeamId: team.id }, select: { id: true } });
  const holiday = await db().slaHoliday.create({ data: { storeId: store.id, name: "fuzz holiday", date: new Date("2031-12-25") }, select: { id: true } });
  const action = await db().orderAction.create({
    data: { storeId: store.id, ticketId: ticket.id, bigcommerceOrderId: 77, kind: "REFUND", status: "PENDING_APPROVAL", amount: 500, items: [], reason: "fuzz", requestedById: agent.id },
    select: { id: true },
  });
  const dead = await db().inboundEvent.create({
    data: { storeId: store.id, source: "BIGCOMMERCE", dedupeKey: `fuzz-dead-${store.id}`, kind: "store/order/created", payload: {}, status: "DEAD", error: "fuzz" },
    select: { id: true },
  });
  Object.assign(ids, {
    tickets: ticket.id,
    customers: customer.id,
    "kb-articles": kb.id,
    templates: template.id,
    users: agent.id,
    "assignment-rules": rule.id,
    "sla-policies": sla.id,
    "escalation-policies": escalation.id,
    "sla-holidays": holiday.id,
    // The token the fuzz runs on stays alive: a DELETE may revoke only this other one.
    "api-tokens": (await createApiToken(db(), { storeId: store.id, userId: admin.id, name: "fuzz spare" })).id,
    "order-actions": action.id,
    "webhooks/dead-letters": dead.id,
    attachments: withFile.id,
    teams: team.id,
  });
});

describe("/api/v1 with malformed input, as an admin", () => {
  it("never answers 500 on any route, method, body, id or query string, and errors keep the error shape", async () => {
    const auth = { authorization: `Bearer ${bearer}` };
    const bodies = malformedBodies();
    const outcomes: Outcome[] = [];
    const deferred: Array<() => Promise<Outcome>> = [];
    const covered: string[] = [];
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const routeModule = (await import(file)) as RouteModule;
      const route = routePath(file);
      const names = paramNames(route);
      const valid = validParams(route);
      for (const method of ROUTE_METHODS) {
        const handler = routeModule[method];
        if (!handler) continue;
        const label = `${method} ${route}`;
        covered.push(label);
        const base = `http://tern.test/api/v1`;
        const validUrl = `${base}${concreteRoute(route, valid)}`;
        // Deleting with a real id removes what later cases need: those calls run last.
        const queue = async (run: () => Promise<Outcome>): Promise<void> => {
          if (method === "DELETE" && names.length) deferred.push(run);
          else outcomes.push(await run());
        };

        for (const [bodyLabel, body] of method === "GET" ? [] : bodies) await queue(() => send(handler, `${label} body ${bodyLabel}`, method, validUrl, auth, valid, body));
        for (const badId of BAD_IDS) {
          for (const name of names) {
            const params = { ...valid, [name]: badId };
            const url = `${base}${concreteRoute(route, params)}`;
            outcomes.push(await send(handler, `${label} ${name}=${badId.slice(0, 40)}`, method, url, auth, params, method === "GET" ? undefined : '{"a":1}'));
          }
        }
        if (method === "GET") for (const query of BAD_QUERIES) await queue(() => send(handler, `${label} ${query.slice(0, 60)}`, method, `${validUrl}${query}`, auth, valid));
        if (method === "GET" || method === "DELETE") await queue(() => send(handler, `${label} no body`, method, validUrl, auth, valid));
      }
    }
    for (const run of deferred) outcomes.push(await run());
    expectNoProblems(outcomes);
    // Some of the fuzz got past validation into the database (a suite of 4xx alone would prove little).
    const statusOf = (label: string) => outcomes.find((outcome) => outcome.label === label)?.status;
    expect(statusOf("POST /tickets body emoji ticket")).toBe(201);
    expect(statusOf("PATCH /tickets/[id] body emoji subject")).toBe(200);
    expect(statusOf("POST /tickets body NUL/surrogate ticket")).toBe(400);
    expect(covered).toEqual(expect.arrayContaining(["GET /tickets", "POST /tickets", "PATCH /tickets/[id]", "POST /tickets/[id]/messages", "GET /attachments/[messageId]/[index]"]));
    // Thousands of calls: about 30 s on a busy machine, the suite's default limit.
  }, 180_000);
});

describe("webhook receivers with malformed input", () => {
  const webhookBodies = (): Array<[string, string]> => [
    ...malformedBodies(),
    ["telegram: update_id a string", JSON.stringify({ update_id: "1", message: { text: "hi" } })],
    ["telegram: update_id fractional", JSON.stringify({ update_id: 1.5 })],
    ["telegram: update_id huge", JSON.stringify({ update_id: 1e300 })],
    ["telegram: message of wrong types", JSON.stringify({ update_id: 910001, message: { message_id: "x", chat: "x", from: 5, text: { a: 1 }, date: "now" } })],
    ["telegram: NUL text", JSON.stringify({ update_id: 910002, message: { message_id: 1, chat: { id: 1, type: "private" }, date: 1, text: WEIRD } })],
    ["bigcommerce: wrong types", JSON.stringify({ scope: 123, producer: {}, store_id: [], data: "x", hash: null })],
    ["bigcommerce: producer of another shape", JSON.stringify({ scope: "store/order/created", producer: "stores/../../etc", data: { type: "order", id: "abc" } })],
    ["bigcommerce: NUL scope", JSON.stringify({ scope: WEIRD, producer: `stores/${store.bigcommerceHash}`, data: { id: WEIRD }, hash: WEIRD, created_at: "x" })],
  ];

  it("POST /api/webhooks/bigcommerce never answers 500, with the right, a wrong or no secret", async () => {
    // The /api/v1 fuzz may have disconnected the store (DELETE /store/connection refuses its webhooks).
    await db().store.update({ where: { id: store.id }, data: { status: "ACTIVE" }, select: { id: true } });
    const urls = ["http://tern.test/api/webhooks/bigcommerce", `http://tern.test/api/webhooks/bigcommerce?store=${store.bigcommerceHash}`, "http://tern.test/api/webhooks/bigcommerce?store=%%%", `http://tern.test/api/webhooks/bigcommerce?store=${"a".repeat(500)}`, "http://tern.test/api/webhooks/bigcommerce?store=x&store=y"];
    const headerSets: Array<Record<string, string>> = [
      {},
      { [WEBHOOK_SECRET_HEADER]: "wrong" },
      { [WEBHOOK_SECRET_HEADER]: "" },
      { [WEBHOOK_SECRET_HEADER]: store.webhookSecret, "webhook-signature": "v1,%%%", "webhook-id": "x", "webhook-timestamp": "x" },
      { [WEBHOOK_SECRET_HEADER]: store.webhookSecret },
    ];
    const outcomes: Outcome[] = [];
    for (const [bodyLabel, body] of webhookBodies()) {
      for (const url of urls) {
        for (const headers of headerSets) {
          const response = await bigcommerceWebhook(new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
          outcomes.push({ label: `bigcommerce ${bodyLabel} ${url.slice(38, 90)} ${Object.keys(headers).join(",")}`, status: response.status, text: await response.text(), contentType: response.headers.get("content-type") ?? "" });
        }
      }
    }
    expectNoProblems(outcomes);
    // The right secret and store were accepted at least once, so the fuzz reached past authentication.
    expect(outcomes.some((outcome) => outcome.status === 200)).toBe(true);
  });

  it("POST /api/webhooks/telegram never answers 500, with the right, a wrong or no secret", async () => {
    // The /api/v1 fuzz may have disconnected the bot (DELETE /telegram/bot clears the secret).
    await db().store.update({ where: { id: store.id }, data: telegramSecretColumns(telegramSecret), select: { id: true } });
    const headerSets: Array<Record<string, string>> = [{}, { [TELEGRAM_SECRET_HEADER]: "wrong" }, { [TELEGRAM_SECRET_HEADER]: " " }, { [TELEGRAM_SECRET_HEADER]: "\u00e9".repeat(300) }, { [TELEGRAM_SECRET_HEADER]: telegramSecret }];
    const outcomes: Outcome[] = [];
    for (const [bodyLabel, body] of webhookBodies()) {
      for (const headers of headerSets) {
        const response = await telegramWebhook(new Request("http://tern.test/api/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
        outcomes.push({ label: `telegram ${bodyLabel} ${Object.keys(headers).join(",")}`, status: response.status, text: await response.text(), contentType: response.headers.get("content-type") ?? "" });
      }
    }
    expectNoProblems(outcomes);
    expect(outcomes.some((outcome) => outcome.status === 200)).toBe(true);
  });
});

describe("BigCommerce app callbacks with malformed query strings and JWTs", () => {
  const CLIENT_ID = "tern-fuzz-client";
  const CLIENT_SECRET = "tern-fuzz-client-secret";
  const OWNER = { id: 9101, email: "owner@fuzz.test" };
  const HASH = "fuzz0store";
  let emulator: BigcommerceEmulator;

  beforeAll(async () => {
    emulator = await startBigcommerceEmulator({ app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    Object.assign(process.env, { BIGCOMMERCE_CLIENT_ID: CLIENT_ID, BIGCOMMERCE_CLIENT_SECRET: CLIENT_SECRET, BIGCOMMERCE_LOGIN_URL: emulator.url, BIGCOMMERCE_API_URL: emulator.url });
    // An installed store, so correctly signed payloads with odd claims reach the database.
    const installed = await bigcommerceAuth.GET(new Request(`http://tern.test/api/bigcommerce/auth?${emulator.oauth.installQuery({ storeHash: HASH, user: OWNER, owner: OWNER }).toString()}`));
    expect(installed.status).toBe(303);
  });

  afterAll(async () => {
    await emulator?.close();
  });

  const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
  const now = () => Math.floor(Date.now() / 1000);
  const PAYLOAD_SCRIPT = "<script>window.__xss=1</script>";

  /** JWTs that are broken, or signed with the app's real secret around claims of the wrong type or size: all refused. */
  async function malformedJwts(): Promise<Array<[string, string]>> {
    const signed = (claims: Record<string, unknown>) => signPayload({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, storeHash: HASH, user: OWNER, claims });
    return [
      ["empty", ""],
      ["one part", "abc"],
      ["two parts", "abc.def"],
      ["four parts", "a.b.c.d"],
      ["dots only", "..."],
      ["not base64", "%%%.%%%.%%%"],
      ["header not JSON", `${b64("not json")}.${b64({ a: 1 })}.sig`],
      ["header an array", `${b64([1])}.${b64({ a: 1 })}.sig`],
      ["alg none", `${b64({ alg: "none" })}.${b64({ aud: CLIENT_ID, iss: "bc", sub: `stores/${HASH}` })}.`],
      ["alg RS256 with the secret", `${b64({ alg: "RS256" })}.${b64({ aud: CLIENT_ID })}.${b64("x")}`],
      ["payload not JSON", `${b64({ alg: "HS256" })}.${b64("{")}.sig`],
      ["100 KB", "a".repeat(100 * 1024)],
      ["NUL and emoji", `\u0000.😀.\u202e`],
      ["script tag", PAYLOAD_SCRIPT],
      ["signed: sub a number", await signed({ sub: 123 })],
      ["signed: sub with a path", await signed({ sub: `stores/${HASH}/../x` })],
      ["signed: sub of HTML", await signed({ sub: `stores/${PAYLOAD_SCRIPT}` })],
      ["signed: user a string", await signed({ user: "x" })],
      ["signed: user id huge", await signed({ user: { id: 1e20, email: "big@fuzz.test" } })],
      ["signed: user id 2^31", await signed({ user: { id: 2 ** 31, email: "int@fuzz.test" } })],
      ["signed: user id text", await signed({ user: { id: "12abc", email: "x@fuzz.test" } })],
      ["signed: user id negative", await signed({ user: { id: -5, email: "x@fuzz.test" } })],
      ["signed: email of 320 chars with NUL", await signed({ user: { id: 9102, email: `${"e".repeat(300)}\u0000@fuzz.test` } })],
      ["signed: owner missing", await signed({ owner: undefined })],
      ["signed: aud an array", await signed({ aud: [CLIENT_ID, "other"] })],
      ["signed: exp a string", await signed({ exp: "tomorrow" })],
      ["signed: iat in the far future", await signed({ iat: now() + 10 ** 9, nbf: now() })],
      ["signed: url an object", await signed({ url: { a: 1 } })],
      ["signed: channel_id text", await signed({ channel_id: "x" })],
    ];
  }

  const AUTH_QUERIES = [
    "",
    "?",
    "?code",
    "?code=&context=&scope=",
    "?code=x",
    `?code=${"c".repeat(600)}&context=stores/${HASH}`,
    `?code=%00&context=stores/${HASH}`,
    "?code=x&context=stores/",
    "?code=x&context=stores/%E2%80%AE",
    `?code=x&context=stores/${HASH}/../../etc`,
    `?code=x&context=stores/${HASH}&scope=${"s".repeat(5000)}`,
    `?code=x&context=stores/${HASH}&account_uuid=${"u".repeat(200)}`,
    `?code=x&context=stores/${HASH}&code=y&context=stores/other`,
    "?code=%%%&context=%%%",
    `?code=unknown-code&context=stores/${HASH}&scope=store_v2_orders`,
    `?code=${encodeURIComponent(PAYLOAD_SCRIPT)}&context=stores/${HASH}`,
  ];

  it("GET auth, load, uninstall, remove-user and remove_user never answer 500, keep the error shape, and never echo markup into their HTML page", async () => {
    const outcomes: Outcome[] = [];
    const echoed: string[] = [];
    const routes = { load: bigcommerceLoad, uninstall: bigcommerceUninstall, "remove-user": bigcommerceRemoveUser, remove_user: bigcommerceRemoveUserAlias };
    const jwtQueries = (await malformedJwts()).flatMap(([label, jwt]): Array<[string, string]> => [
      [label, `?signed_payload_jwt=${encodeURIComponent(jwt)}`],
      [`${label} (raw)`, `?signed_payload_jwt=${jwt}`],
      [`${label} twice`, `?signed_payload_jwt=${encodeURIComponent(jwt)}&signed_payload_jwt=x`],
    ]);
    const cases: Array<[string, { GET: (request: Request) => Promise<Response> }, string, string]> = [
      ...Object.entries(routes).flatMap(([name, routeModule]) => [...jwtQueries, ["no query", ""] as [string, string], ["bare key", "?signed_payload_jwt"] as [string, string]].map(([label, query]): [string, typeof routeModule, string, string] => [name, routeModule, label, query])),
      ...AUTH_QUERIES.map((query): [string, typeof bigcommerceAuth, string, string] => ["auth", bigcommerceAuth, query.slice(0, 60), query]),
    ];
    for (const [name, routeModule, label, query] of cases) {
      for (const accept of ["application/json", "text/html,application/xhtml+xml"]) {
        let url: string;
        try {
          url = new URL(`http://tern.test/api/bigcommerce/${name}${query}`).toString();
        } catch {
          continue;
        }
        const response = await routeModule.GET(new Request(url, { headers: { accept } }));
        const text = await response.text();
        const contentType = response.headers.get("content-type") ?? "";
        outcomes.push({ label: `${name} ${label} (${accept.slice(0, 9)})`, status: response.status, text, contentType });
        if (contentType.includes("html") && /<script|<img|onerror=/i.test(text.replace(/^[\s\S]*?<body[^>]*>/, "").replace(/<\/?(h1|p)( style="[^"]*")?>/g, ""))) echoed.push(`${name} ${label}`);
      }
    }
    expectNoProblems(outcomes);
    expect(echoed, "markup from the query came back unescaped").toEqual([]);
    // Every callback refuses all of them: none is a sign-in.
    expect(outcomes.filter((outcome) => outcome.status < 400).map((outcome) => outcome.label)).toEqual([]);
  });
});
