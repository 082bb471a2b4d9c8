import { beforeAll, describe, expect, it } from "vitest";
import { createStore, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import * as ticketsRoute from "../tickets/route.ts";
import * as tokenRoute from "./[id]/route.ts";
import * as tokensRoute from "./route.ts";

const BASE = "http://tern.test/api/v1";
const noParams = { params: Promise.resolve({}) };

let store: TestStore;
let admin: TestUser;
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

function listTicketsWith(token: string) {
  return ticketsRoute.GET(new Request(`${BASE}/tickets`, { headers: { authorization: `Bearer ${token}` } }), noParams);
}

beforeAll(async () => {
  store = await createStore();
  admin = await createUser(store.id, { role: "ADMIN", name: "Alex" });
  agent = await createUser(store.id, { role: "AGENT", name: "Ada" });
});

describe("API tokens", () => {
  it("an admin makes a token that works on /api/v1 as the chosen user, shown once", async () => {
    const response = await post(await cookieOf(admin), { name: "helpdesk sync", userId: agent.id });
    expect(response.status).toBe(201);
    const { apiToken } = (await response.json()) as { apiToken: { id: string; token: string; prefix: string } };
    expect(apiToken.token).toMatch(/^tern_/);
    expect((await listTicketsWith(apiToken.token)).status).toBe(200);

    const listed = await tokensRoute.GET(new Request(`${BASE}/api-tokens`, { headers: { cookie: await cookieOf(admin) } }), noParams);
    const body = (await listed.json()) as { items: Array<Record<string, unknown>> };
    const row = body.items.find((item) => item.id === apiToken.id)!;
    expect(row.prefix).toBe(apiToken.token.slice(0, 10));
    expect(JSON.stringify(body)).not.toContain(apiToken.token);
  });

  it("a revoked token stops working at once", async () => {
    const { apiToken } = (await (await post(await cookieOf(admin), { name: "short-lived" })).json()) as { apiToken: { id: string; token: string } };
    expect((await listTicketsWith(apiToken.token)).status).toBe(200);
    const revoked = await tokenRoute.DELETE(
      new Request(`${BASE}/api-tokens/${apiToken.id}`, { method: "DELETE", headers: { cookie: await cookieOf(admin) } }),
      { params: Promise.resolve({ id: apiToken.id }) },
    );
    expect(revoked.status).toBe(204);
    expect((await listTicketsWith(apiToken.token)).status).toBe(401);
  });

  it("agents cannot make or list tokens", async () => {
    const response = await post(await cookieOf(agent), { name: "mine" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });

  it("refuses a user of another store and bad bodies with 4xx", async () => {
    const other = await createStore();
    const stranger = await createUser(other.id);
    const cookie = await cookieOf(admin);
    expect((await post(cookie, { name: "x", userId: stranger.id })).status).toBe(422);
    expect((await post(cookie, { name: "" })).status).toBe(422);
    expect((await post(cookie, { name: "x", extra: true })).status).toBe(422);
    const garbage = await tokensRoute.POST(
      new Request(`${BASE}/api-tokens`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{not json" }),
      noParams,
    );
    expect(garbage.status).toBe(400);
    const unknown = await tokenRoute.DELETE(new Request(`${BASE}/api-tokens/nope`, { method: "DELETE", headers: { cookie } }), {
      params: Promise.resolve({ id: "nope" }),
    });
    expect(unknown.status).toBe(404);
  });
});
