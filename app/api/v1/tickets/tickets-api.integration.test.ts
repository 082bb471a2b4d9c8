import { beforeAll, describe, expect, it } from "vitest";
import { json } from "@/lib/api/json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import * as catchAll from "../[...path]/route.ts";
import * as messagesRoute from "./[id]/messages/route.ts";
import * as ticketRoute from "./[id]/route.ts";
import * as ticketsRoute from "./route.ts";

// The handlers are called as Next calls them: a real Request, params as a promise, a real
// database behind, and a real API token (Authorization: Bearer) for authentication.

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const BASE = "http://tern.test/api/v1";
let store: TestStore;
let agent: TestUser;
let token: string;

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  return new Request(`${BASE}${path}`, init);
}

const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

beforeAll(async () => {
  store = await createStore();
  agent = await createUser(store.id, { name: "Ada" });
  token = (await createApiToken(db(), { storeId: store.id, userId: agent.id, name: "tests" })).token;
});

describe("authentication", () => {
  it("answers 401 in the error shape without credentials or with a bad token", async () => {
    for (const headers of [{ authorization: "" }, { authorization: "Bearer tern_not-a-real-token-at-all" }]) {
      const response = await ticketsRoute.GET(new Request(`${BASE}/tickets`, { headers }), noParams);
      expect(response.status).toBe(401);
      expect((await read<ErrorBody>(response)).error.code).toBe("UNAUTHORIZED");
    }
  });

  it("accepts the session cookie too", async () => {
    const cookie = await sessionCookieFor({ id: agent.id, storeId: store.id, role: "AGENT", name: agent.name });
    const response = await ticketsRoute.GET(new Request(`${BASE}/tickets`, { headers: { cookie } }), noParams);
    expect(response.status).toBe(200);
  });

  it("answers 403 when the role is not allowed", async () => {
    const adminsOnly = withApi(async () => json({ ok: true }), { roles: ["ADMIN"] });
    const response = await adminsOnly(request("GET", "/anything"), noParams);
    expect(response.status).toBe(403);
    expect((await read<ErrorBody>(response)).error.code).toBe("FORBIDDEN");
  });
});

describe("POST /api/v1/tickets", () => {
  it("creates a manual ticket: 201, queued, with the body as the agent's note", async () => {
    const response = await ticketsRoute.POST(
      request("POST", "/tickets", { subject: "Parcel lost", body: "Customer phoned", priority: "HIGH", tags: ["phone"], customer: { email: "carol@example.com", name: "Carol" } }),
      noParams,
    );
    expect(response.status).toBe(201);
    const { ticket } = await read<{ ticket: { id: string; number: number; status: string; priority: string; source: string; customer: { email: string } } }>(response);
    expect(ticket).toMatchObject({ status: "AWAITING_AGENT", priority: "HIGH", source: "MANUAL", customer: { email: "carol@example.com" } });
    expect(ticket.number).toBeGreaterThan(0);
    const note = await db().message.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "NOTE" }, select: { authorId: true, body: true } });
    expect(note).toEqual({ authorId: agent.id, body: "Customer phoned" });
  });

  it.each([
    ["an empty body", "", 400, "BAD_REQUEST"],
    ["malformed JSON", "{ subject: ", 400, "BAD_REQUEST"],
    ["an unknown field", { subject: "x", status: "RESOLVED" }, 422, "VALIDATION_FAILED"],
    ["a missing subject", { body: "x" }, 422, "VALIDATION_FAILED"],
    ["a malformed parent id", { subject: "x", parentTicketId: "42" }, 422, "VALIDATION_FAILED"],
    ["a parent of no ticket", { subject: "x", parentTicketId: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000" }, 422, "UNPROCESSABLE"],
    ["an order id beyond the database's integers", { subject: "x", bigcommerceOrderId: 2_147_483_648 }, 422, "VALIDATION_FAILED"],
  ])("refuses %s with %i", async (_, body, status, code) => {
    const response = await ticketsRoute.POST(request("POST", "/tickets", body), noParams);
    expect(response.status).toBe(status);
    const error = (await read<ErrorBody>(response)).error;
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
  });

  it("lists validation issues in details", async () => {
    const response = await ticketsRoute.POST(request("POST", "/tickets", { subject: "", extra: 1 }), noParams);
    const { error } = await read<ErrorBody>(response);
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: "subject" })]));
  });
});

describe("GET /api/v1/tickets", () => {
  it("lists only the caller's store, with filters and cursor paging", async () => {
    const own = await createStore();
    const user = await createUser(own.id);
    const ownToken = (await createApiToken(db(), { storeId: own.id, userId: user.id, name: "own" })).token;
    for (let i = 0; i < 5; i++) await createTicket(own.id, { subject: `Own ${i}`, tags: i % 2 ? ["odd"] : [] });
    await createTicket(store.id, { subject: "Not yours" });

    const get = (search: string) =>
      ticketsRoute.GET(new Request(`${BASE}/tickets${search}`, { headers: { authorization: `Bearer ${ownToken}` } }), noParams);
    const first = await read<{ items: { subject: string }[]; nextCursor: string | null }>(await get("?limit=3"));
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await read<{ items: { subject: string }[]; nextCursor: string | null }>(await get(`?limit=3&cursor=${first.nextCursor}`));
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((ticket) => ticket.subject).sort()).toEqual(["Own 0", "Own 1", "Own 2", "Own 3", "Own 4"]);

    const odd = await read<{ items: { subject: string }[] }>(await get("?tag=odd&status=AWAITING_AGENT,RESOLVED"));
    expect(odd.items.map((ticket) => ticket.subject).sort()).toEqual(["Own 1", "Own 3"]);
  });

  it("answers 422 for a bad filter and 400 for a bad cursor", async () => {
    const badFilter = await ticketsRoute.GET(request("GET", "/tickets?status=NOPE&limit=500"), noParams);
    expect(badFilter.status).toBe(422);
    const badCursor = await ticketsRoute.GET(request("GET", "/tickets?cursor=garbage"), noParams);
    expect(badCursor.status).toBe(400);
    expect((await read<ErrorBody>(badCursor)).error.code).toBe("BAD_REQUEST");
  });
});

describe("GET and PATCH /api/v1/tickets/[id]", () => {
  it("returns the ticket with its thread", async () => {
    const { ticket } = await createTicket(store.id, { body: "Hello" });
    const response = await ticketRoute.GET(request("GET", `/tickets/${ticket.id}`), idParams(ticket.id));
    expect(response.status).toBe(200);
    const detail = await read<{ ticket: { id: string }; messages: { kind: string }[]; subTickets: unknown[] }>(response);
    expect(detail.ticket.id).toBe(ticket.id);
    expect(detail.messages.map((message) => message.kind)).toEqual(["INBOUND", "ACTIVITY"]);
    expect(detail.subTickets).toEqual([]);
  });

  it("answers 404 for another store's ticket and a malformed id", async () => {
    const other = await createStore();
    const { ticket } = await createTicket(other.id);
    for (const id of [ticket.id, "not-a-uuid"]) {
      const get = await ticketRoute.GET(request("GET", `/tickets/${id}`), idParams(id));
      expect(get.status).toBe(404);
      expect(await read<ErrorBody>(get)).toEqual({ error: { code: "NOT_FOUND", message: "Ticket not found" } });
      const patch = await ticketRoute.PATCH(request("PATCH", `/tickets/${id}`, { status: "RESOLVED" }), idParams(id));
      expect(patch.status).toBe(404);
    }
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).status).toBe("AWAITING_AGENT");
  });

  it("changes status, priority and assignee; refused moves are 409", async () => {
    const { ticket } = await createTicket(store.id);
    const patch = (body: unknown) => ticketRoute.PATCH(request("PATCH", `/tickets/${ticket.id}`, body), idParams(ticket.id));

    const assigned = await patch({ assigneeId: agent.id, priority: "URGENT" });
    expect(assigned.status).toBe(200);
    expect((await read<{ ticket: { status: string; priority: string } }>(assigned)).ticket).toMatchObject({ status: "AGENT_ASSIGNED", priority: "URGENT" });

    const resolved = await patch({ status: "RESOLVED" });
    expect((await read<{ ticket: { status: string; resolvedAt: string | null } }>(resolved)).ticket).toMatchObject({ status: "RESOLVED", resolvedAt: expect.any(String) });

    const refused = await patch({ status: "ESCALATED" });
    expect(refused.status).toBe(409);
    expect((await read<ErrorBody>(refused)).error).toMatchObject({ code: "INVALID_TRANSITION", message: expect.stringContaining("resolved") });

    expect((await patch({ assigneeId: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000" })).status).toBe(422);
    expect((await patch({})).status).toBe(422);
    expect((await patch({ status: "RESOLVED", colour: "red" })).status).toBe(422);
  });
});

describe("POST /api/v1/tickets/[id]/messages", () => {
  it("posts a reply and a note, and refuses both on a closed ticket", async () => {
    const { ticket } = await createTicket(store.id);
    const post = (body: unknown) => messagesRoute.POST(request("POST", `/tickets/${ticket.id}/messages`, body), idParams(ticket.id));

    const reply = await post({ kind: "reply", body: "We are on it" });
    expect(reply.status).toBe(201);
    expect((await read<{ message: unknown }>(reply)).message).toMatchObject({ kind: "OUTBOUND", deliveryStatus: "QUEUED", author: { id: agent.id } });

    const note = await post({ kind: "note", body: "internal" });
    expect(note.status).toBe(201);
    expect((await read<{ message: unknown }>(note)).message).toMatchObject({ kind: "NOTE", deliveryStatus: null });

    expect((await post({ kind: "email", body: "x" })).status).toBe(422);
    expect((await post({ kind: "reply", body: "   " })).status).toBe(422);

    await ticketRoute.PATCH(request("PATCH", `/tickets/${ticket.id}`, { status: "CLOSED" }), idParams(ticket.id));
    const closed = await post({ kind: "reply", body: "too late" });
    expect(closed.status).toBe(409);
    expect((await read<ErrorBody>(closed)).error.code).toBe("CONFLICT");
  });
});

describe("unknown routes and methods", () => {
  it("answers 404 in the error shape for an unknown v1 path", async () => {
    const response = await catchAll.GET(request("GET", "/nothing/here"));
    expect(response.status).toBe(404);
    expect((await read<ErrorBody>(response)).error.code).toBe("NOT_FOUND");
  });

  it("answers 405 with Allow for a wrong method", async () => {
    const response = await ticketsRoute.DELETE();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect((await read<ErrorBody>(response)).error.code).toBe("METHOD_NOT_ALLOWED");
  });
});
