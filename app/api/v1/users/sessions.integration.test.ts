import { beforeAll, describe, expect, it } from "vitest";
import * as ticketsRoute from "@/app/api/v1/tickets/route.ts";
import { actorFromSession } from "@/lib/auth/authenticate-request.ts";
import { readSessionCookie } from "@/lib/auth/session-token.ts";
import { createStore, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import * as userRoute from "./[id]/route.ts";

// A session ends when its user is disabled or changes role: it does not come back when the user is
// re-enabled, and a demoted user does not keep the old role until the cookie expires.

let store: TestStore;
let admin: TestUser;
let adminCookie: string;

beforeAll(async () => {
  store = await createStore();
  admin = await createUser(store.id, { role: "ADMIN" });
  adminCookie = await sessionCookieFor(admin);
});

async function listTickets(cookie: string): Promise<number> {
  return (await ticketsRoute.GET(new Request("http://tern.test/api/v1/tickets", { headers: { cookie } }), { params: Promise.resolve({}) })).status;
}

async function patchUser(userId: string, body: Record<string, unknown>): Promise<number> {
  const request = new Request(`http://tern.test/api/v1/users/${userId}`, { method: "PATCH", headers: { cookie: adminCookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await userRoute.PATCH(request, { params: Promise.resolve({ id: userId }) })).status;
}

// Sessions are dated to the second: a session minted in the same second as the change would still count.
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100));

describe("sessions", () => {
  it("a disabled user's session stays ended after they are enabled again; a new sign-in works", async () => {
    const agent = await createUser(store.id, { role: "AGENT" });
    const old = await sessionCookieFor(agent);
    expect(await listTickets(old)).toBe(200);
    await nextSecond();
    expect(await patchUser(agent.id, { disabled: true })).toBe(200);
    expect(await listTickets(old)).toBe(401);
    expect(await patchUser(agent.id, { disabled: false })).toBe(200);
    expect(await listTickets(old)).toBe(401);
    await nextSecond();
    expect(await listTickets(await sessionCookieFor(agent))).toBe(200);
  });

  it("a role change ends the sessions signed in with the old role", async () => {
    const supervisor = await createUser(store.id, { role: "SUPERVISOR" });
    const old = await sessionCookieFor(supervisor);
    expect((await actorFromSession((await readSessionCookie(old))!))?.role).toBe("SUPERVISOR");
    await nextSecond();
    expect(await patchUser(supervisor.id, { role: "AGENT" })).toBe(200);
    expect(await actorFromSession((await readSessionCookie(old))!)).toBeNull();
    expect(await listTickets(old)).toBe(401);
    await nextSecond();
    const fresh = await sessionCookieFor({ ...supervisor, role: "AGENT" });
    expect((await actorFromSession((await readSessionCookie(fresh))!))?.role).toBe("AGENT");
  });

  it("a change that is not a role change (capacity) ends nothing", async () => {
    const agent = await createUser(store.id, { role: "AGENT" });
    const cookie = await sessionCookieFor(agent);
    await nextSecond();
    expect(await patchUser(agent.id, { capacity: 3 })).toBe(200);
    expect(await listTickets(cookie)).toBe(200);
  });
});
