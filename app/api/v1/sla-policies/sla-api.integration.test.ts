import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { createStore, createTeam, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";
import * as escalationRoute from "../escalation-policies/[id]/route.ts";
import * as escalationsRoute from "../escalation-policies/route.ts";
import * as holidayRoute from "../sla-holidays/[id]/route.ts";
import * as holidaysRoute from "../sla-holidays/route.ts";
import * as policyRoute from "./[id]/route.ts";
import * as policiesRoute from "./route.ts";

type ErrorBody = { error: { code: string; message: string } };

const BASE = "http://tern.test/api/v1";
let store: TestStore;
let supervisorToken: string;
let agentToken: string;

const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, path: string, body?: unknown, token = supervisorToken): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function read<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

const weekdays = { start: "09:00", end: "17:00" };
const businessHours = { timeZone: "Europe/Berlin", days: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays] } };

beforeAll(async () => {
  store = await createStore();
  const supervisor = await createUser(store.id, { role: "ADMIN" });
  const agent = await createUser(store.id);
  supervisorToken = (await createApiToken(db(), { storeId: store.id, userId: supervisor.id, name: "t" })).token;
  agentToken = (await createApiToken(db(), { storeId: store.id, userId: agent.id, name: "t" })).token;
});

describe("roles", () => {
  it("answers 403 to an agent on every SLA settings route", async () => {
    const id = "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000";
    const responses = await Promise.all([
      policiesRoute.GET(request("GET", "/sla-policies", undefined, agentToken), noParams),
      policiesRoute.POST(request("POST", "/sla-policies", {}, agentToken), noParams),
      policyRoute.PATCH(request("PATCH", `/sla-policies/${id}`, { name: "x" }, agentToken), idParams(id)),
      policyRoute.DELETE(request("DELETE", `/sla-policies/${id}`, undefined, agentToken), idParams(id)),
      escalationsRoute.GET(request("GET", "/escalation-policies", undefined, agentToken), noParams),
      escalationsRoute.POST(request("POST", "/escalation-policies", {}, agentToken), noParams),
      escalationRoute.PATCH(request("PATCH", `/escalation-policies/${id}`, { name: "x" }, agentToken), idParams(id)),
      escalationRoute.DELETE(request("DELETE", `/escalation-policies/${id}`, undefined, agentToken), idParams(id)),
      holidaysRoute.GET(request("GET", "/sla-holidays", undefined, agentToken), noParams),
      holidaysRoute.POST(request("POST", "/sla-holidays", {}, agentToken), noParams),
      holidayRoute.DELETE(request("DELETE", `/sla-holidays/${id}`, undefined, agentToken), idParams(id)),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(403);
      expect((await read<ErrorBody>(response)).error.code).toBe("FORBIDDEN");
    }
  });
});

describe("/api/v1/sla-policies", () => {
  it("creates a business-hours policy that new tickets are measured against, then edits and deletes it", async () => {
    const own = await createStore();
    const admin = await createUser(own.id, { role: "SUPERVISOR" });
    const token = (await createApiToken(db(), { storeId: own.id, userId: admin.id, name: "t" })).token;
    const created = await policiesRoute.POST(
      request("POST", "/sla-policies", { name: "Urgent", priority: "URGENT", firstResponseSeconds: 7200, resolutionSeconds: 57_600, warnAtShare: 0.75, businessHours }, token),
      noParams,
    );
    expect(created.status).toBe(201);
    const { policy } = await read<{ policy: { id: string; businessHours: unknown; nextResponseSeconds: number | null } }>(created);
    expect(policy).toMatchObject({ businessHours, nextResponseSeconds: null });

    // Friday 2026-05-08 16:00 Berlin: 1 h today + 1 h Monday.
    const { ticket } = await createTicket(own.id, { priority: "URGENT", now: new Date("2026-05-08T14:00:00Z") });
    expect(ticket.firstResponseDueAt).toBe("2026-05-11T08:00:00.000Z");

    const patched = await policyRoute.PATCH(request("PATCH", `/sla-policies/${policy.id}`, { businessHours: null, nextResponseSeconds: 1800 }, token), idParams(policy.id));
    expect((await read<{ policy: unknown }>(patched)).policy).toMatchObject({ businessHours: null, nextResponseSeconds: 1800 });
    const list = await read<{ items: unknown[] }>(await policiesRoute.GET(request("GET", "/sla-policies", undefined, token), noParams));
    expect(list.items).toHaveLength(1);
    expect((await policyRoute.DELETE(request("DELETE", `/sla-policies/${policy.id}`, undefined, token), idParams(policy.id))).status).toBe(204);
    // Another store's policy is not found.
    expect((await policyRoute.DELETE(request("DELETE", `/sla-policies/${policy.id}`), idParams(policy.id))).status).toBe(404);
  });

  it.each([
    ["a missing target", { name: "x", firstResponseSeconds: 60 }],
    ["a zero target", { name: "x", firstResponseSeconds: 0, resolutionSeconds: 60 }],
    ["a warning share of 1", { name: "x", firstResponseSeconds: 60, resolutionSeconds: 60, warnAtShare: 1 }],
    ["an unknown time zone", { name: "x", firstResponseSeconds: 60, resolutionSeconds: 60, businessHours: { ...businessHours, timeZone: "Moon/Base" } }],
    ["an overnight interval", { name: "x", firstResponseSeconds: 60, resolutionSeconds: 60, businessHours: { days: { mon: [{ start: "22:00", end: "06:00" }] } } }],
    ["a week without open hours", { name: "x", firstResponseSeconds: 60, resolutionSeconds: 60, businessHours: { days: {} } }],
  ])("refuses %s with 422", async (_, body) => {
    const response = await policiesRoute.POST(request("POST", "/sla-policies", body), noParams);
    expect(response.status).toBe(422);
    expect((await read<ErrorBody>(response)).error.code).toBe("VALIDATION_FAILED");
  });
});

describe("/api/v1/escalation-policies and /api/v1/sla-holidays", () => {
  it("manages escalation policies pointing at the store's own teams", async () => {
    const level2 = await createTeam(store.id, { name: "Level 2", level: 2 });
    const created = await escalationsRoute.POST(request("POST", "/escalation-policies", { name: "Refunds", category: "refund", thresholdShare: 0.8, targetTeamId: level2.id }), noParams);
    expect(created.status).toBe(201);
    const { policy } = await read<{ policy: { id: string; enabled: boolean } }>(created);
    expect(policy.enabled).toBe(true);
    const off = await escalationRoute.PATCH(request("PATCH", `/escalation-policies/${policy.id}`, { enabled: false }), idParams(policy.id));
    expect((await read<{ policy: { enabled: boolean } }>(off)).policy.enabled).toBe(false);
    const foreign = await escalationsRoute.POST(request("POST", "/escalation-policies", { name: "x", targetTeamId: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000" }), noParams);
    expect(foreign.status).toBe(422);
    expect((await escalationRoute.DELETE(request("DELETE", `/escalation-policies/${policy.id}`), idParams(policy.id))).status).toBe(204);
  });

  it("keeps one holiday per day and refuses impossible dates", async () => {
    const created = await holidaysRoute.POST(request("POST", "/sla-holidays", { date: "2026-12-25", name: "Christmas" }), noParams);
    expect(created.status).toBe(201);
    const { holiday } = await read<{ holiday: { id: string; date: string } }>(created);
    expect(holiday.date).toBe("2026-12-25");
    expect((await holidaysRoute.POST(request("POST", "/sla-holidays", { date: "2026-12-25", name: "Again" }), noParams)).status).toBe(409);
    expect((await holidaysRoute.POST(request("POST", "/sla-holidays", { date: "2026-02-30", name: "Nope" }), noParams)).status).toBe(422);
    const list = await read<{ items: { date: string }[] }>(await holidaysRoute.GET(request("GET", "/sla-holidays"), noParams));
    expect(list.items.map((item) => item.date)).toEqual(["2026-12-25"]);
    expect((await holidayRoute.DELETE(request("DELETE", `/sla-holidays/${holiday.id}`), idParams(holiday.id))).status).toBe(204);
  });
});
