import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { concreteRoute, ROUTE_METHODS, routeFiles, routePath, V1_DIR as V1, type RouteMethod as Method, type RouteModule } from "@/lib/testing/api-routes.ts";
import { startRealtimeHarness, type RealtimeHarness } from "@/lib/testing/realtime-harness.ts";
import { storeSnapshot } from "@/lib/testing/store-snapshot.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { addNote } from "@/lib/tickets/add-note.ts";

// Cross-store isolation: an admin of store B, holding every id of store A, can read nothing of A
// and change nothing of A — through every /api/v1 route (found on disk, so new routes are covered
// as they appear), over socket.io, and through attachment URLs. The in-admin and inbox pages read
// through the same scoped lib functions and are checked in e2e/isolation.spec.ts.


const MARK = `alpha${Date.now().toString(36)}`;

let storeA: TestStore;
let storeB: TestStore;
let adminA: TestUser;
let agentA: TestUser;
let adminB: TestUser;
const a: Record<string, string> = {};
let bearerA: string;
let bearerB: string;

/** The id of A's thing each dynamic segment names, by the collection it sits under. */
function paramsFor(route: string): Record<string, string> | null {
  const segments = route.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, index) => {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (!name) return;
    const collection = segments.slice(0, index).join("/");
    params[name] = name === "index" ? "0" : (a[collection] ?? a.tickets!);
  });
  return Object.keys(params).length ? params : null;
}

/** Bodies valid enough to reach the store lookup (a 422 before it would prove nothing). */
function bodyFor(method: Method, route: string): unknown {
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const bodies: Record<string, unknown> = {
    "PATCH /tickets/[id]": { subject: "taken over by B", status: "RESOLVED" },
    "POST /tickets/[id]/messages": { kind: "note", body: "B was here" },
    "POST /tickets/[id]/escalate": { reason: "B" },
    "POST /tickets/[id]/merge": { targetTicketId: a.secondTicket },
    "POST /tickets/[id]/snooze": { until: future },
    "POST /tickets/[id]/transfer": { teamId: null },
    "POST /tickets/[id]/render-template": { templateId: a.templates },
    "POST /tickets/[id]/order-actions": { kind: "CANCEL" },
    "POST /tickets/[id]/order-actions/refund-quote": { items: [{ item_type: "ORDER", item_id: 1, amount: 1 }] },
    "PATCH /kb-articles/[id]": { title: "B" },
    "PATCH /templates/[id]": { name: "B" },
    "PATCH /users/[id]": { role: "AGENT" },
    "PATCH /users/[id]/availability": { availability: "OFFLINE" },
    "PUT /users/[id]/availability": { availability: "OFFLINE" },
    "PATCH /assignment-rules/[id]": { enabled: false },
    "PUT /assignment-rules/order": { ids: [a["assignment-rules"]] },
    "POST /assignment-rules/preview": { ticketId: a.tickets },
    "PATCH /sla-policies/[id]": { name: "B" },
    "PATCH /escalation-policies/[id]": { enabled: false },
    "POST /order-actions/[id]/reject": { note: "B" },
    "POST /tickets/[id]/verify-chat": { bigcommerceOrderId: 1 },
  };
  return bodies[`${method} ${route}`] ?? (method === "GET" || method === "DELETE" ? undefined : {});
}

async function call(routeModule: RouteModule, method: Method, url: string, auth: Record<string, string>, params: Record<string, string> | null, body: unknown): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...auth };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://tern.test/api/v1${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await routeModule[method]!(request, { params: Promise.resolve(params ?? {}) as Promise<never> });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  storeA = await createStore({ name: `${MARK} store` });
  storeB = await createStore();
  const team = await db().team.create({ data: { storeId: storeA.id, name: `${MARK} team` }, select: { id: true } });
  adminA = await createUser(storeA.id, { role: "ADMIN", name: `${MARK} admin`, email: `${MARK}-admin@a.test` });
  agentA = await createUser(storeA.id, { name: `${MARK} agent`, email: `${MARK}-agent@a.test`, teamId: team.id });
  adminB = await createUser(storeB.id, { role: "ADMIN" });
  bearerA = (await createApiToken(db(), { storeId: storeA.id, userId: adminA.id, name: "A" })).token;
  bearerB = (await createApiToken(db(), { storeId: storeB.id, userId: adminB.id, name: "B" })).token;

  const customer = await createCustomer(storeA.id, { name: `${MARK} customer`, email: `${MARK}-customer@a.test`, telegramChatId: "424242" });
  const { ticket } = await createTicket(storeA.id, { subject: `${MARK} ticket`, body: `${MARK} first words`, customerId: customer.id, bigcommerceOrderId: 4242 });
  const { ticket: second } = await createTicket(storeA.id, { subject: `${MARK} second ticket` });
  await addNote(db(), { storeId: storeA.id, ticketId: ticket.id, body: `${MARK} internal note`, actorId: agentA.id });
  const withFile = await db().message.create({
    data: {
      storeId: storeA.id,
      ticketId: ticket.id,
      kind: "INBOUND",
      channel: "TELEGRAM",
      body: `${MARK} photo`,
      attachments: [{ fileId: `${MARK}-file`, fileName: `${MARK}.jpg`, mimeType: "image/jpeg", fileSize: 1000 }],
      editedAt: new Date(),
      editHistory: [{ body: `${MARK} earlier words`, attachments: [], editedAt: new Date().toISOString() }],
    },
    select: { id: true },
  });
  const kb = await db().kbArticle.create({ data: { storeId: storeA.id, title: `${MARK} article`, body: `${MARK} body` }, select: { id: true } });
  const template = await db().template.create({ data: { storeId: storeA.id, name: `${MARK} template`, body: `${MARK} hello [customer_name]` }, select: { id: true } });
  const rule = await db().assignmentRule.create({ data: { storeId: storeA.id, name: `${MARK} rule`, position: 0, conditions: {}, teamId: team.id }, select: { id: true } });
  const sla = await db().slaPolicy.create({ data: { storeId: storeA.id, name: `${MARK} sla`, firstResponseSeconds: 3600, resolutionSeconds: 86400 }, select: { id: true } });
  const escalation = await db().escalationPolicy.create({ data: { storeId: storeA.id, name: `${MARK} escalation`, targetTeamId: team.id }, select: { id: true } });
  const holiday = await db().slaHoliday.create({ data: { storeId: storeA.id, name: `${MARK} holiday`, date: new Date("2031-12-25") }, select: { id: true } });
  const token = await db().apiToken.findFirstOrThrow({ where: { storeId: storeA.id }, select: { id: true } });
  const action = await db().orderAction.create({
    data: { storeId: storeA.id, ticketId: ticket.id, bigcommerceOrderId: 4242, kind: "REFUND", status: "PENDING_APPROVAL", amount: 500, items: [], reason: `${MARK} reason`, requestedById: agentA.id },
    select: { id: true },
  });
  const dead = await db().inboundEvent.create({
    data: { storeId: storeA.id, source: "BIGCOMMERCE", dedupeKey: `${MARK}-dead`, kind: "store/order/created", payload: { marker: `${MARK} payload` }, status: "DEAD", error: `${MARK} error` },
    select: { id: true },
  });
  Object.assign(a, {
    tickets: ticket.id,
    secondTicket: second.id,
    customers: customer.id,
    "kb-articles": kb.id,
    templates: template.id,
    users: agentA.id,
    "assignment-rules": rule.id,
    "sla-policies": sla.id,
    "escalation-policies": escalation.id,
    "sla-holidays": holiday.id,
    "api-tokens": token.id,
    "order-actions": action.id,
    "webhooks/dead-letters": dead.id,
    attachments: withFile.id,
    "tickets/[id]/messages": withFile.id,
    teams: team.id,
  });
});

describe("/api/v1: store B's admin holding store A's ids", () => {
  it("reads nothing of A and changes nothing of A, on every route and method", async () => {
    const before = await storeSnapshot(storeA.id);
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const file of files) {
      const routeModule = (await import(file)) as RouteModule;
      const route = routePath(file);
      const params = paramsFor(route);
      for (const method of ROUTE_METHODS) {
        if (!routeModule[method]) continue;
        const label = `${method} ${route}`;
        const auths: Array<Record<string, string>> = [{ authorization: `Bearer ${bearerB}` }, { cookie: await sessionCookieFor(adminB) }];
        for (const auth of auths) {
          const { status, text } = await call(routeModule, method, concreteRoute(route, params), auth, params, bodyFor(method, route));
          if (status === 405) continue;
          expect(text, `${label} leaked store A's data`).not.toContain(MARK);
          if (params) expect([403, 404], `${label} answered ${status}: ${text.slice(0, 200)}`).toContain(status);
          else expect(status, `${label} answered ${status}: ${text.slice(0, 200)}`).toBeLessThan(500);
        }
        checked.push(label);
      }
    }
    expect(await storeSnapshot(storeA.id)).toBe(before);
    // A sample of what must be covered; the list grows by itself as routes are added.
    expect(checked).toEqual(expect.arrayContaining(["GET /tickets", "GET /tickets/[id]", "PATCH /tickets/[id]", "POST /tickets/[id]/messages", "GET /attachments/[messageId]/[index]", "PATCH /users/[id]", "POST /order-actions/[id]/approve", "GET /webhooks/dead-letters"]));
  });

  it("the same calls work for store A's own admin (the 404s above are isolation, not broken routes)", async () => {
    const own = { authorization: `Bearer ${bearerA}` };
    const ticketRoute = (await import(path.join(V1, "tickets/[id]/route.ts"))) as RouteModule;
    const got = await call(ticketRoute, "GET", `/tickets/${a.tickets}`, own, { id: a.tickets! }, undefined);
    expect(got.status).toBe(200);
    expect(got.text).toContain(`${MARK} ticket`);
    const list = (await import(path.join(V1, "tickets/route.ts"))) as RouteModule;
    expect((await call(list, "GET", "/tickets", own, null, undefined)).text).toContain(`${MARK} ticket`);
    const customer = (await import(path.join(V1, "customers/[id]/route.ts"))) as RouteModule;
    expect((await call(customer, "GET", `/customers/${a.customers}`, own, { id: a.customers! }, undefined)).status).toBe(200);
    // The attachment is found for A (no bot is connected, so Telegram is not asked): a 422, not B's 404.
    const attachment = (await import(path.join(V1, "attachments/[messageId]/[index]/route.ts"))) as RouteModule;
    const file = await call(attachment, "GET", `/attachments/${a.attachments}/0`, own, { messageId: a.attachments!, index: "0" }, undefined);
    expect(file.status).toBe(422);
    const edits = (await import(path.join(V1, "tickets/[id]/messages/[messageId]/edits/route.ts"))) as RouteModule;
    const history = await call(edits, "GET", `/tickets/${a.tickets}/messages/${a.attachments}/edits`, own, { id: a.tickets!, messageId: a.attachments! }, undefined);
    expect(history.text).toContain(`${MARK} earlier words`);
  });

  it("refuses to wire B's records to A's: assignee, merge target, parent ticket, template, rule team", async () => {
    const { ticket: ticketB } = await createTicket(storeB.id, { subject: "B's ticket" });
    const auth = { authorization: `Bearer ${bearerB}` };
    const attempts: Array<[string, Method, string, Record<string, string> | null, unknown]> = [
      ["tickets/[id]/route.ts", "PATCH", `/tickets/${ticketB.id}`, { id: ticketB.id }, { assigneeId: agentA.id }],
      ["tickets/[id]/merge/route.ts", "POST", `/tickets/${ticketB.id}/merge`, { id: ticketB.id }, { targetTicketId: a.tickets }],
      ["tickets/[id]/transfer/route.ts", "POST", `/tickets/${ticketB.id}/transfer`, { id: ticketB.id }, { assigneeId: agentA.id }],
      ["tickets/[id]/render-template/route.ts", "POST", `/tickets/${ticketB.id}/render-template`, { id: ticketB.id }, { templateId: a.templates }],
      ["tickets/route.ts", "POST", "/tickets", null, { subject: "child of A", parentTicketId: a.tickets }],
      ["assignment-rules/route.ts", "POST", "/assignment-rules", null, { name: "steal", teamId: a.teams }],
    ];
    const before = await storeSnapshot(storeA.id);
    for (const [file, method, url, params, body] of attempts) {
      const routeModule = (await import(path.join(V1, file))) as RouteModule;
      const { status, text } = await call(routeModule, method, url, auth, params, body);
      expect(status, `${method} ${url}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(text).not.toContain(MARK);
    }
    expect(await storeSnapshot(storeA.id)).toBe(before);
    const after = await db().ticket.findUniqueOrThrow({ where: { id: ticketB.id }, select: { assigneeId: true, mergedIntoId: true } });
    expect(after).toEqual({ assigneeId: null, mergedIntoId: null });
  });
});

describe("socket.io", () => {
  let harness: RealtimeHarness;
  const connectAs = (cookie: string, headers: Record<string, string> = {}) => harness.connect({ cookie, ...headers });

  beforeAll(async () => {
    harness = await startRealtimeHarness({ storeIds: [storeA.id, storeB.id] });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("B hears nothing of A's tickets, cannot join A's ticket rooms, and its typing never reaches A", async () => {
    const socketA = await connectAs(await sessionCookieFor(agentA));
    const socketB = await connectAs(await sessionCookieFor(adminB));
    const heardByB: unknown[] = [];
    for (const event of ["ticket:created", "ticket:updated", "message:created", "message:updated", "presence:changed"] as const) socketB.on(event, (payload: unknown) => heardByB.push(payload));

    const join = await new Promise<{ ok: boolean }>((resolve) => socketB.emit("ticket:join", a.tickets!, resolve));
    expect(join).toEqual({ ok: false, error: "ticket not found" });

    const joinedA = await new Promise<{ ok: boolean }>((resolve) => socketA.emit("ticket:join", a.tickets!, resolve));
    expect(joinedA.ok).toBe(true);
    const presenceForA: Array<{ viewers: Array<{ userId: string }> }> = [];
    socketA.on("presence:changed", (payload) => presenceForA.push(payload));
    socketB.emit("ticket:typing", { ticketId: a.tickets!, typing: true });

    const createdForA = new Promise((resolve) => socketA.once("ticket:created", resolve));
    const notedForA = new Promise<void>((resolve) => socketA.on("message:created", ({ message }) => message.body === `${MARK} live note` && resolve()));
    await createTicket(storeA.id, { subject: `${MARK} live ticket` });
    await addNote(db(), { storeId: storeA.id, ticketId: a.tickets!, body: `${MARK} live note`, actorId: agentA.id });
    await createdForA;
    // The note reached A; wait for it so B had every chance to hear it too.
    await notedForA;

    expect(heardByB).toEqual([]);
    expect(presenceForA.every((payload) => payload.viewers.every((viewer) => viewer.userId !== adminB.id))).toBe(true);
  });

  it("refuses a handshake another site's page makes with the visitor's cookie", async () => {
    await expect(connectAs(await sessionCookieFor(adminB), { "sec-fetch-site": "cross-site" })).rejects.toThrow();
    await expect(connectAs(await sessionCookieFor(adminB), { "sec-fetch-site": "same-origin" })).resolves.toBeTruthy();
  });
});

describe("cross-site requests with the session cookie", () => {
  it("refuses writes another site forges, accepts Tern's own pages and bearer tokens", async () => {
    const tickets = (await import(path.join(V1, "tickets/route.ts"))) as RouteModule;
    const cookie = await sessionCookieFor(adminB);
    const body = { subject: "forged from another site" };
    const forged = await call(tickets, "POST", "/tickets", { cookie, "sec-fetch-site": "cross-site" }, null, body);
    expect(forged.status).toBe(403);
    expect(await db().ticket.count({ where: { storeId: storeB.id, subject: body.subject } })).toBe(0);
    expect((await call(tickets, "POST", "/tickets", { cookie, "sec-fetch-site": "same-origin" }, null, body)).status).toBe(201);
    expect((await call(tickets, "POST", "/tickets", { authorization: `Bearer ${bearerB}`, "sec-fetch-site": "cross-site" }, null, body)).status).toBe(201);
    // Reading stays possible (the browser would not let the other site see the answer anyway).
    expect((await call(tickets, "GET", "/tickets", { cookie, "sec-fetch-site": "cross-site" }, null, undefined)).status).toBe(200);
  });
});
