import { beforeAll, describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { createStore, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import * as ticketsRoute from "../tickets/route.ts";
import * as tokenRoute from "./[id]/route.ts";
import * as tokensRoute from "./route.ts";

const BASE = "http://tern.test/api/v1";
const noParams = { params: Promise.resolve({}) };

type Created = { id: string; token: string; prefix: string; role: string };
type Listed = { items: Array<Record<string, unknown> & { id: string }> };

let store: TestStore;
let admin: TestUser;
let supervisor: TestUser;
let agent: TestUser;

async function cookieOf(user: TestUser) {
  return sessionCookieFor({ id: user.id, storeId: user.storeId, role: user.role, name: user.name });
}

function post(cookie: string, body: unknown) {
  return tokensRoute.POST(
    new Request(`${BASE}/api-tokens`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) }),
    noParams,
  );
}

async function create(body: Record<string, unknown>, by: TestUser = admin): Promise<Created> {
  const response = await post(await cookieOf(by), body);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { apiToken: Created }).apiToken;
}

function list(headers: Record<string, string>) {
  return tokensRoute.GET(new Request(`${BASE}/api-tokens`, { headers }), noParams);
}

function revoke(headers: Record<string, string>, id: string) {
  return tokenRoute.DELETE(new Request(`${BASE}/api-tokens/${id}`, { method: "DELETE", headers }), { params: Promise.resolve({ id }) });
}

function listTicketsWith(token: string) {
  return ticketsRoute.GET(new Request(`${BASE}/tickets`, { headers: { authorization: `Bearer ${token}` } }), noParams);
}

async function lastUsedAt(id: string): Promise<Date | null> {
  return (await db().apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt;
}

/** Every key of a JSON value, nested ones included. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  return [];
}

beforeAll(async () => {
  store = await createStore();
  admin = await createUser(store.id, { role: "ADMIN", name: "Alex" });
  supervisor = await createUser(store.id, { role: "SUPERVISOR", name: "Sam" });
  agent = await createUser(store.id, { role: "AGENT", name: "Ada" });
});

describe("API tokens", () => {
  it("an admin makes a token that works on /api/v1 as the chosen user, shown once", async () => {
    const apiToken = await create({ name: "helpdesk sync", userId: agent.id });
    expect(apiToken.token).toMatch(/^tern_/);
    // The user's own role when none is asked for.
    expect(apiToken.role).toBe("AGENT");
    expect((await listTicketsWith(apiToken.token)).status).toBe(200);

    const listed = await list({ cookie: await cookieOf(admin) });
    const body = (await listed.json()) as Listed;
    const row = body.items.find((item) => item.id === apiToken.id)!;
    expect(row).toMatchObject({ name: "helpdesk sync", prefix: apiToken.token.slice(0, 10), role: "AGENT", user: { id: agent.id, name: "Ada" }, createdBy: { id: admin.id, name: "Alex" } });
  });

  it("the list never carries a token or its hash, nor a field that could hold one", async () => {
    const apiToken = await create({ name: "secret keeper" });
    const text = await (await list({ cookie: await cookieOf(admin) })).text();
    expect(text).not.toContain(apiToken.token);
    expect(text).not.toContain(hashApiToken(apiToken.token));
    const keys = keysOf(JSON.parse(text));
    expect(keys).toContain("prefix");
    expect(keys.filter((key) => /token|hash|secret/i.test(key))).toEqual([]);
  });

  it("stamps last used when a token authenticates, at most once a minute", async () => {
    const apiToken = await create({ name: "busy integration", role: "SUPERVISOR" });
    expect(await lastUsedAt(apiToken.id)).toBeNull();

    const before = Date.now();
    expect((await listTicketsWith(apiToken.token)).status).toBe(200);
    const first = await lastUsedAt(apiToken.id);
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const listed = (await (await list({ cookie: await cookieOf(admin) })).json()) as Listed;
    expect(listed.items.find((item) => item.id === apiToken.id)!.lastUsedAt).toBe(first!.toISOString());

    // A burst of calls within the minute writes nothing more.
    for (let call = 0; call < 3; call++) expect((await listTicketsWith(apiToken.token)).status).toBe(200);
    expect(await lastUsedAt(apiToken.id)).toEqual(first);
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await db().apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: thirtySecondsAgo } });
    await listTicketsWith(apiToken.token);
    expect(await lastUsedAt(apiToken.id)).toEqual(thirtySecondsAgo);

    // Over a minute later the next call stamps again.
    await db().apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    const again = Date.now();
    await listTicketsWith(apiToken.token);
    expect((await lastUsedAt(apiToken.id))!.getTime()).toBeGreaterThanOrEqual(again - 1000);
  });

  it("a revoked token stops working at once, and is not revoked twice", async () => {
    const apiToken = await create({ name: "short-lived" });
    expect((await listTicketsWith(apiToken.token)).status).toBe(200);
    const cookie = await cookieOf(admin);
    expect((await revoke({ cookie }, apiToken.id)).status).toBe(204);
    const refused = await listTicketsWith(apiToken.token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    expect((await revoke({ cookie }, apiToken.id)).status).toBe(404);
    const listed = (await (await list({ cookie })).json()) as Listed;
    expect(listed.items.find((item) => item.id === apiToken.id)!.revokedAt).toEqual(expect.any(String));
  });

  it("another store's token is not found here, and stays working", async () => {
    const other = await createStore();
    const otherAdmin = await createUser(other.id, { role: "ADMIN" });
    const theirs = await create({ name: "theirs" }, otherAdmin);
    const response = await revoke({ cookie: await cookieOf(admin) }, theirs.id);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    expect((await listTicketsWith(theirs.token)).status).toBe(200);
    const listed = (await (await list({ cookie: await cookieOf(admin) })).json()) as Listed;
    expect(listed.items.map((item) => item.id)).not.toContain(theirs.id);
  });

  it("supervisors and agents may not list, make or revoke tokens", async () => {
    const apiToken = await create({ name: "admin's" });
    for (const user of [supervisor, agent]) {
      const cookie = await cookieOf(user);
      for (const response of [await list({ cookie }), await post(cookie, { name: "mine" }), await revoke({ cookie }, apiToken.id)]) {
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      }
    }
    expect((await listTicketsWith(apiToken.token)).status).toBe(200);
  });

  it("a token carries its role, never more than its user's role of the day", async () => {
    const agentLevel = await create({ name: "read the queue", role: "AGENT" });
    expect(agentLevel.role).toBe("AGENT");
    // The admin's own token, but an agent's token: the admin routes refuse it.
    expect((await list({ authorization: `Bearer ${agentLevel.token}` })).status).toBe(403);
    expect((await listTicketsWith(agentLevel.token)).status).toBe(200);

    const adminLevel = await create({ name: "full access", role: "ADMIN" });
    expect((await list({ authorization: `Bearer ${adminLevel.token}` })).status).toBe(200);

    // A token cannot be made above its user's role…
    const tooHigh = await post(await cookieOf(admin), { name: "escalate", userId: agent.id, role: "ADMIN" });
    expect(tooHigh.status).toBe(422);
    // …and follows its user down when their role changes.
    const demotable = await createUser(store.id, { role: "ADMIN", name: "Dana" });
    const dana = await create({ name: "dana's", userId: demotable.id, role: "ADMIN" });
    expect((await list({ authorization: `Bearer ${dana.token}` })).status).toBe(200);
    await db().user.update({ where: { id: demotable.id }, data: { role: "SUPERVISOR" } });
    expect((await list({ authorization: `Bearer ${dana.token}` })).status).toBe(403);
  });

  it("refuses a user of another store and bad bodies with 4xx", async () => {
    const other = await createStore();
    const stranger = await createUser(other.id);
    const cookie = await cookieOf(admin);
    expect((await post(cookie, { name: "x", userId: stranger.id })).status).toBe(422);
    expect((await post(cookie, { name: "" })).status).toBe(422);
    expect((await post(cookie, { name: "x", extra: true })).status).toBe(422);
    expect((await post(cookie, { name: "x", role: "OWNER" })).status).toBe(422);
    const garbage = await tokensRoute.POST(
      new Request(`${BASE}/api-tokens`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{not json" }),
      noParams,
    );
    expect(garbage.status).toBe(400);
    expect((await revoke({ cookie }, "nope")).status).toBe(404);
    expect((await revoke({ cookie }, "01a2513a-bc78-7316-ad8c-ac2861036ca8")).status).toBe(404);
  });
});
