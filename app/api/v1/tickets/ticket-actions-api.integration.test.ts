import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createKbArticle } from "@/lib/kb/create-kb-article.ts";
import type { KbSuggestion } from "@/lib/kb/suggest-kb-articles.ts";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import type { TicketContext } from "@/lib/tickets/get-ticket-context.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import type { TeamSummary } from "@/lib/teams/list-teams.ts";
import type { UserSummary } from "@/lib/users/list-users.ts";
import * as teamsRoute from "../teams/route.ts";
import * as usersRoute from "../users/route.ts";
import * as claimRoute from "./[id]/claim/route.ts";
import * as contextRoute from "./[id]/context/route.ts";
import * as escalateRoute from "./[id]/escalate/route.ts";
import * as kbRoute from "./[id]/kb-suggestions/route.ts";
import * as mergeRoute from "./[id]/merge/route.ts";
import * as messagesRoute from "./[id]/messages/route.ts";
import * as refreshRoute from "./[id]/order/refresh/route.ts";
import * as renderRoute from "./[id]/render-template/route.ts";
import * as snoozeRoute from "./[id]/snooze/route.ts";
import * as transferRoute from "./[id]/transfer/route.ts";
import * as ticketsRoute from "./route.ts";

type ErrorBody = { error: { code: string; message: string } };
type TicketBody = { ticket: TicketDto };

let store: TestStore;
let ada: TestUser;
let asAda: Awaited<ReturnType<typeof apiCallerFor>>;
let asBen: Awaited<ReturnType<typeof apiCallerFor>>;

beforeAll(async () => {
  store = await createStore();
  ada = await createUser(store.id, { name: "Ada" });
  asAda = await apiCallerFor(ada);
  asBen = await apiCallerFor(await createUser(store.id, { name: "Ben" }));
});

const params = (id: string) => ({ params: { id } });

describe("ticket action routes", () => {
  it("claim: 200 for the first agent, 409 naming them for the second", async () => {
    const { ticket } = await createTicket(store.id);
    const first = await asAda<TicketBody>(claimRoute.POST, `/tickets/${ticket.id}/claim`, { method: "POST", ...params(ticket.id) });
    expect(first.status).toBe(200);
    expect(first.body.ticket.assignee?.name).toBe("Ada");
    const second = await asBen<ErrorBody>(claimRoute.POST, `/tickets/${ticket.id}/claim`, { method: "POST", ...params(ticket.id) });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("Already claimed by Ada");
  });

  it("snooze: takes an ISO time with an offset, 422 otherwise; the ticket leaves the snoozed=false list", async () => {
    const { ticket } = await createTicket(store.id, { subject: "Snooze via API" });
    const until = new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00");
    const snoozed = await asAda<TicketBody>(snoozeRoute.POST, `/tickets/${ticket.id}/snooze`, { body: { until }, ...params(ticket.id) });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.ticket.snoozedUntil).not.toBeNull();
    const awake = await asAda<{ items: TicketDto[] }>(ticketsRoute.GET, "/tickets?snoozed=false&limit=100");
    expect(awake.body.items.map((item) => item.id)).not.toContain(ticket.id);
    expect((await asAda(snoozeRoute.POST, `/tickets/${ticket.id}/snooze`, { body: { until: "tomorrow" }, ...params(ticket.id) })).status).toBe(422);
    expect((await asAda(snoozeRoute.POST, `/tickets/${ticket.id}/snooze`, { body: { until: "2001-01-01T00:00:00Z" }, ...params(ticket.id) })).status).toBe(422);
    const woken = await asAda<TicketBody>(snoozeRoute.POST, `/tickets/${ticket.id}/snooze`, { body: { until: null }, ...params(ticket.id) });
    expect(woken.body.ticket.snoozedUntil).toBeNull();
  });

  it("escalate, transfer and merge go through their lib functions with the API's error shape", async () => {
    const level2 = await db().team.create({ data: { storeId: store.id, name: "Level 2", level: 2 }, select: { id: true } });
    const carol = await createCustomer(store.id);
    const { ticket } = await createTicket(store.id, { customerId: carol.id, body: "first" });
    const escalated = await asAda<TicketBody>(escalateRoute.POST, `/tickets/${ticket.id}/escalate`, { body: { reason: "VIP" }, ...params(ticket.id) });
    expect(escalated.body.ticket).toMatchObject({ status: "ESCALATED", teamId: level2.id });
    expect((await asAda<ErrorBody>(escalateRoute.POST, `/tickets/${ticket.id}/escalate`, { body: {}, ...params(ticket.id) })).status).toBe(409);

    const transferred = await asAda<TicketBody>(transferRoute.POST, `/tickets/${ticket.id}/transfer`, { body: { assigneeId: ada.id }, ...params(ticket.id) });
    expect(transferred.body.ticket.assignee?.id).toBe(ada.id);
    expect((await asAda(transferRoute.POST, `/tickets/${ticket.id}/transfer`, { body: {}, ...params(ticket.id) })).status).toBe(422);

    const duplicate = await createTicket(store.id, { customerId: carol.id, body: "second" });
    const merged = await asAda<{ ticket: TicketDto; target: TicketDto; moved: number }>(mergeRoute.POST, `/tickets/${duplicate.ticket.id}/merge`, {
      body: { targetTicketId: ticket.id },
      ...params(duplicate.ticket.id),
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ ticket: { status: "CLOSED", mergedIntoId: ticket.id }, target: { id: ticket.id }, moved: 1 });
    expect((await asAda(mergeRoute.POST, `/tickets/${ticket.id}/merge`, { body: { targetTicketId: "nope" }, ...params(ticket.id) })).status).toBe(422);
  });

  it("context and kb-suggestions answer for the store's tickets only", async () => {
    await createKbArticle(db(), { storeId: store.id, fields: { title: "Refund timing", body: "Refunds take five days." } });
    const { ticket } = await createTicket(store.id, { subject: "When is my refund?" });
    const context = await asAda<TicketContext>(contextRoute.GET, `/tickets/${ticket.id}/context`, params(ticket.id));
    expect(context.status).toBe(200);
    expect(context.body).toMatchObject({ order: null, customer: null });
    const suggestions = await asAda<{ items: KbSuggestion[] }>(kbRoute.GET, `/tickets/${ticket.id}/kb-suggestions`, params(ticket.id));
    expect(suggestions.body.items.map((item) => item.title)).toEqual(["Refund timing"]);

    const outsider = await apiCallerFor(await createUser((await createStore()).id));
    expect((await outsider(contextRoute.GET, `/tickets/${ticket.id}/context`, params(ticket.id))).status).toBe(404);
    expect((await outsider(kbRoute.GET, `/tickets/${ticket.id}/kb-suggestions`, params(ticket.id))).status).toBe(404);
    expect((await outsider(claimRoute.POST, `/tickets/${ticket.id}/claim`, { method: "POST", ...params(ticket.id) })).status).toBe(404);
  });

  it("refuses a reply that still holds a template variable; a note may mention one", async () => {
    const { ticket } = await createTicket(store.id);
    const reply = await asAda<ErrorBody>(messagesRoute.POST, `/tickets/${ticket.id}/messages`, { body: { kind: "reply", body: "Your order [order_id] shipped" }, ...params(ticket.id) });
    expect(reply.status).toBe(422);
    const note = await asAda(messagesRoute.POST, `/tickets/${ticket.id}/messages`, { body: { kind: "note", body: "Template needs [order_id]" }, ...params(ticket.id) });
    expect(note.status).toBe(201);
    const brackets = await asAda(messagesRoute.POST, `/tickets/${ticket.id}/messages`, { body: { kind: "reply", body: "See [1] and [faq]" }, ...params(ticket.id) });
    expect(brackets.status).toBe(201);
  });
});

describe("render-template and order refresh routes", () => {
  it("answer the preview (200) or the refusal naming what is missing (422), and explain a refresh without an order", async () => {
    const { ticket } = await createTicket(store.id, { subject: "Template check", customer: { name: "Nia" } });
    const hello = await db().template.create({ data: { storeId: store.id, name: "Hello route", body: "Hi [customer_name], [agent_name] here." }, select: { id: true } });
    const shipment = await db().template.create({ data: { storeId: store.id, name: "Shipment route", body: "Order [order_id]: [tracking_url]" }, select: { id: true } });
    const ok = await asAda<{ text: string; values: Record<string, string> }>(renderRoute.POST, `/tickets/${ticket.id}/render-template`, { body: { templateId: hello.id }, ...params(ticket.id) });
    expect(ok).toMatchObject({ status: 200, body: { text: "Hi Nia, Ada here.", values: { customer_name: "Nia", agent_name: "Ada" } } });
    const refused = await asAda<{ error: { code: string; message: string; details: unknown } }>(renderRoute.POST, `/tickets/${ticket.id}/render-template`, {
      body: { templateId: shipment.id },
      ...params(ticket.id),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({
      code: "UNPROCESSABLE",
      message: "Template cannot be used: this ticket's order has no [order_id], [tracking_url].",
      details: { missing: ["order_id", "tracking_url"], unknown: [] },
    });
    expect((await asAda(renderRoute.POST, `/tickets/${ticket.id}/render-template`, { body: { templateId: "x" }, ...params(ticket.id) })).status).toBe(422);
    const refresh = await asAda<ErrorBody>(refreshRoute.POST, `/tickets/${ticket.id}/order/refresh`, { method: "POST", ...params(ticket.id) });
    expect(refresh).toMatchObject({ status: 422, body: { error: { message: "This ticket has no BigCommerce order to refresh" } } });
  });
});

describe("/api/v1/users and /api/v1/teams", () => {
  it("list the store's active people and its teams", async () => {
    const users = await asAda<{ items: UserSummary[] }>(usersRoute.GET, "/users");
    expect(users.body.items.map((user) => user.name)).toEqual(["Ada", "Ben"]);
    await db().team.create({ data: { storeId: store.id, name: "Billing" }, select: { id: true } });
    const teams = await asAda<{ items: TeamSummary[] }>(teamsRoute.GET, "/teams");
    expect(teams.body.items.map((team) => team.name)).toContain("Billing");
  });
});
