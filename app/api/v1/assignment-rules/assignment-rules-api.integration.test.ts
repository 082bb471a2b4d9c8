import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createOnlineAgent, createStore, createTeam, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";
import * as routingSettingsRoute from "../routing-settings/route.ts";
import * as availabilityRoute from "../users/[id]/availability/route.ts";
import * as ruleRoute from "./[id]/route.ts";
import * as orderRoute from "./order/route.ts";
import * as previewRoute from "./preview/route.ts";
import * as rulesRoute from "./route.ts";

type ErrorBody = { error: { code: string; message: string } };
type Rule = { id: string; name: string; position: number; team: { id: string; name: string } | null; priority: string | null; conditions: unknown };

const BASE = "http://tern.test/api/v1";
let store: TestStore;
let supervisorToken: string;
let agentToken: string;
let agentId: string;

const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, path: string, body?: unknown, token = supervisorToken): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

beforeAll(async () => {
  store = await createStore();
  const supervisor = await createUser(store.id, { role: "SUPERVISOR" });
  const agent = await createUser(store.id);
  agentId = agent.id;
  supervisorToken = (await createApiToken(db(), { storeId: store.id, userId: supervisor.id, name: "t" })).token;
  agentToken = (await createApiToken(db(), { storeId: store.id, userId: agent.id, name: "t" })).token;
});

describe("roles", () => {
  it("answers 403 to an agent on every routing settings route", async () => {
    const id = "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000";
    const responses = await Promise.all([
      rulesRoute.GET(request("GET", "/assignment-rules", undefined, agentToken), noParams),
      rulesRoute.POST(request("POST", "/assignment-rules", { name: "x", priority: "HIGH" }, agentToken), noParams),
      ruleRoute.PATCH(request("PATCH", `/assignment-rules/${id}`, { name: "x" }, agentToken), idParams(id)),
      ruleRoute.DELETE(request("DELETE", `/assignment-rules/${id}`, undefined, agentToken), idParams(id)),
      orderRoute.PUT(request("PUT", "/assignment-rules/order", { ids: [id] }, agentToken), noParams),
      previewRoute.POST(request("POST", "/assignment-rules/preview", { ticketId: id }, agentToken), noParams),
      routingSettingsRoute.GET(request("GET", "/routing-settings", undefined, agentToken), noParams),
      routingSettingsRoute.PATCH(request("PATCH", "/routing-settings", { autoAssign: false }, agentToken), noParams),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(403);
      expect((await read<ErrorBody>(response)).error.code).toBe("FORBIDDEN");
    }
  });
});

describe("/api/v1/assignment-rules", () => {
  it("creates rules in order, edits, reorders and deletes them", async () => {
    const team = await createTeam(store.id, { name: "Finance" });
    const created = await rulesRoute.POST(request("POST", "/assignment-rules", { name: "Refunds", conditions: { issueType: ["refund"] }, teamId: team.id }), noParams);
    expect(created.status).toBe(201);
    const { rule: refunds } = await read<{ rule: Rule }>(created);
    expect(refunds).toMatchObject({ name: "Refunds", team: { id: team.id, name: "Finance" }, conditions: { issueType: ["refund"] } });
    const { rule: vip } = await read<{ rule: Rule }>(
      await rulesRoute.POST(request("POST", "/assignment-rules", { name: "VIP", conditions: { tier: "VIP" }, priority: "URGENT" }), noParams),
    );
    expect(vip.position).toBe(refunds.position + 1);

    const patched = await ruleRoute.PATCH(request("PATCH", `/assignment-rules/${vip.id}`, { name: "VIP first", conditions: { tier: "VIP", minOrderValue: 100 } }), idParams(vip.id));
    expect(patched.status).toBe(200);
    expect((await read<{ rule: Rule }>(patched)).rule).toMatchObject({ name: "VIP first", conditions: { tier: "VIP", minOrderValue: 100 } });

    // "VIP orders over 100 are work at once": a rule may do only that. Taking every action away is refused.
    const working = await ruleRoute.PATCH(request("PATCH", `/assignment-rules/${vip.id}`, { priority: null, makesWork: true }), idParams(vip.id));
    expect((await read<{ rule: Rule }>(working)).rule).toMatchObject({ priority: null, makesWork: true });
    expect((await ruleRoute.PATCH(request("PATCH", `/assignment-rules/${vip.id}`, { makesWork: false }), idParams(vip.id))).status).toBe(422);
    expect((await ruleRoute.PATCH(request("PATCH", `/assignment-rules/${vip.id}`, { makesWork: "yes" }), idParams(vip.id))).status).toBe(422);

    const reordered = await orderRoute.PUT(request("PUT", "/assignment-rules/order", { ids: [vip.id, refunds.id] }), noParams);
    expect((await read<{ items: Rule[] }>(reordered)).items.map((rule) => rule.name)).toEqual(["VIP first", "Refunds"]);

    expect((await ruleRoute.DELETE(request("DELETE", `/assignment-rules/${vip.id}`), idParams(vip.id))).status).toBe(204);
    const list = await read<{ items: Rule[] }>(await rulesRoute.GET(request("GET", "/assignment-rules"), noParams));
    expect(list.items.map((rule) => rule.name)).toEqual(["Refunds"]);
    expect((await ruleRoute.DELETE(request("DELETE", `/assignment-rules/${vip.id}`), idParams(vip.id))).status).toBe(404);
  });

  it.each([
    ["no action", { name: "x", conditions: {} }, 422],
    ["an unknown criterion", { name: "x", conditions: { colour: ["red"] }, priority: "HIGH" }, 422],
    ["a reversed value range", { name: "x", conditions: { minOrderValue: 10, maxOrderValue: 5 }, priority: "HIGH" }, 422],
    ["an unknown tier", { name: "x", conditions: { tier: "GOLD" }, priority: "HIGH" }, 422],
    ["a team of another store", { name: "x", teamId: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000" }, 422],
    ["malformed JSON", "{", 400],
  ])("refuses %s", async (_, body, status) => {
    const response = await rulesRoute.POST(request("POST", "/assignment-rules", body), noParams);
    expect(response.status).toBe(status);
    expect((await read<ErrorBody>(response)).error.message).toEqual(expect.any(String));
  });

  it("refuses an order that leaves a rule out", async () => {
    await rulesRoute.POST(request("POST", "/assignment-rules", { name: "One", priority: "HIGH" }), noParams);
    const response = await orderRoute.PUT(request("PUT", "/assignment-rules/order", { ids: ["0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000"] }), noParams);
    expect(response.status).toBe(422);
  });
});

describe("POST /api/v1/assignment-rules/preview", () => {
  it("says which rule would match a ticket, why the others did not, and who would get it", async () => {
    const own = await createStore();
    const supervisor = await createUser(own.id, { role: "SUPERVISOR" });
    const token = (await createApiToken(db(), { storeId: own.id, userId: supervisor.id, name: "t" })).token;
    const vipTeam = await createTeam(own.id, { name: "VIP desk" });
    const vera = await createOnlineAgent(own.id, { name: "Vera", teamId: vipTeam.id });
    const post = (body: unknown) => rulesRoute.POST(request("POST", "/assignment-rules", body, token), noParams);
    await post({ name: "Refunds", conditions: { issueType: ["refund"] }, priority: "HIGH" });
    await post({ name: "VIP", conditions: { tier: "VIP" }, teamId: vipTeam.id });
    const vip = await createCustomer(own.id, { tier: "VIP" });
    // Creation already routed it to Vera; the preview only reads, and Vera still has room.
    const { ticket } = await createTicket(own.id, { customerId: vip.id, category: "shipping" });

    const response = await previewRoute.POST(request("POST", "/assignment-rules/preview", { ticketId: ticket.id }, token), noParams);
    expect(response.status).toBe(200);
    const { preview } = await read<{
      preview: { matchedRuleId: string; rules: { name: string; matched: boolean; checks: { criterion: string; ok: boolean }[] }[]; outcome: { team: { name: string }; agent: { id: string } | null } };
    }>(response);
    expect(preview.rules.map((rule) => [rule.name, rule.matched])).toEqual([
      ["Refunds", false],
      ["VIP", true],
    ]);
    expect(preview.rules[0]?.checks).toEqual([expect.objectContaining({ criterion: "issueType", ok: false })]);
    expect(preview.outcome.team.name).toBe("VIP desk");
    expect(preview.outcome.agent?.id).toBe(vera.id);

    const facts = await previewRoute.POST(request("POST", "/assignment-rules/preview", { facts: { issueTypes: ["Refund"], tier: "STANDARD" } }, token), noParams);
    const byFacts = await read<{ preview: { rules: { name: string; matched: boolean }[]; outcome: { priority: string } } }>(facts);
    expect(byFacts.preview.outcome.priority).toBe("HIGH");
    const byNumber = await previewRoute.POST(request("POST", "/assignment-rules/preview", { ticketNumber: ticket.number }, token), noParams);
    expect((await read<{ preview: { matchedRuleId: string } }>(byNumber)).preview.matchedRuleId).toBe(preview.matchedRuleId);
    expect((await previewRoute.POST(request("POST", "/assignment-rules/preview", { ticketId: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000" }, token), noParams)).status).toBe(404);
    expect((await previewRoute.POST(request("POST", "/assignment-rules/preview", { ticketNumber: 999_999 }, token), noParams)).status).toBe(404);
    expect((await previewRoute.POST(request("POST", "/assignment-rules/preview", { ticketNumber: 2_147_483_648 }, token), noParams)).status).toBe(422);
  });
});

describe("/api/v1/routing-settings and availability", () => {
  it("reads the defaults and saves changes", async () => {
    const initial = await read<{ settings: unknown }>(await routingSettingsRoute.GET(request("GET", "/routing-settings"), noParams));
    // Order tickets are watched until they need a person; these statuses make them work.
    const watching = { watchOrderTickets: true, workOrderStatusIds: [4, 6, 12, 13, 14] };
    expect(initial.settings).toEqual({ autoAssign: true, assignmentTimeoutSeconds: null, requeueOnUnavailable: true, ...watching });
    const saved = await routingSettingsRoute.PATCH(request("PATCH", "/routing-settings", { assignmentTimeoutSeconds: 300 }), noParams);
    expect((await read<{ settings: unknown }>(saved)).settings).toEqual({ autoAssign: true, assignmentTimeoutSeconds: 300, requeueOnUnavailable: true, ...watching });
    expect((await routingSettingsRoute.PATCH(request("PATCH", "/routing-settings", { assignmentTimeoutSeconds: 5 }), noParams)).status).toBe(422);

    const statuses = await routingSettingsRoute.PATCH(request("PATCH", "/routing-settings", { watchOrderTickets: false, workOrderStatusIds: [6, 5, 6] }), noParams);
    expect((await read<{ settings: unknown }>(statuses)).settings).toMatchObject({ watchOrderTickets: false, workOrderStatusIds: [5, 6] });
    // Not a BigCommerce order status: refused with the field named, nothing saved.
    const refused = await routingSettingsRoute.PATCH(request("PATCH", "/routing-settings", { workOrderStatusIds: [6, 99] }), noParams);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await read(refused))).toContain("Order statuses are BigCommerce's ids 0 to 14.");
    for (const body of [{ workOrderStatusIds: "6" }, { watchOrderTickets: "yes" }, { workOrderStatusIds: Array.from({ length: 16 }, () => 1) }]) {
      expect((await routingSettingsRoute.PATCH(request("PATCH", "/routing-settings", body), noParams)).status, JSON.stringify(body)).toBe(422);
    }
    const after = await read<{ settings: unknown }>(await routingSettingsRoute.GET(request("GET", "/routing-settings"), noParams));
    expect(after.settings).toMatchObject({ watchOrderTickets: false, workOrderStatusIds: [5, 6] });
  });

  it("lets an agent set their own availability but not a colleague's", async () => {
    const own = await availabilityRoute.PUT(request("PUT", `/users/${agentId}/availability`, { availability: "ONLINE" }, agentToken), idParams(agentId));
    expect(own.status).toBe(200);
    expect((await read<{ user: { availability: string } }>(own)).user.availability).toBe("ONLINE");
    const colleague = await createUser(store.id);
    const other = await availabilityRoute.PUT(request("PUT", `/users/${colleague.id}/availability`, { availability: "ONLINE" }, agentToken), idParams(colleague.id));
    expect(other.status).toBe(403);
    const bySupervisor = await availabilityRoute.GET(request("GET", `/users/${colleague.id}/availability`), idParams(colleague.id));
    expect((await read<{ user: { availability: string; load: number; capacity: number } }>(bySupervisor)).user).toMatchObject({ availability: "OFFLINE", load: 0 });
    expect((await availabilityRoute.PUT(request("PUT", `/users/${agentId}/availability`, { availability: "BUSY" }, agentToken), idParams(agentId))).status).toBe(422);
    await availabilityRoute.PUT(request("PUT", `/users/${agentId}/availability`, { availability: "OFFLINE" }, agentToken), idParams(agentId));
  });
});
