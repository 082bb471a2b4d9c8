import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import type { DashboardMetrics } from "@/lib/metrics/get-dashboard-metrics.ts";
import { runSlaSweep } from "@/lib/sla/run-sla-sweep.ts";
import { createOnlineAgent, createStore, createTeam, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import * as dashboardRoute from "./dashboard/route.ts";
import * as exportRoute from "./export/route.ts";

// A store with a known week: tickets answered on time and late, resolved, breached, at risk,
// rated by customers, and webhook deliveries; then the dashboard and CSV are read over HTTP handlers.

const BASE = "http://tern.test/api/v1";
const noParams = { params: Promise.resolve({}) };
// One fixed "now" for the whole setup, so durations come out exact.
const NOW = Date.now();
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000);

let store: TestStore;
let supervisorToken: string;
let agentToken: string;
let ada: TestUser;
let support: { id: string; name: string };
let breachedNumber: number;
let atRiskNumber: number;

function get(path: string, token = supervisorToken): Request {
  return new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function dashboard(query = ""): Promise<DashboardMetrics> {
  const response = await dashboardRoute.GET(get(`/metrics/dashboard${query}`), noParams);
  expect(response.status).toBe(200);
  return ((await response.json()) as { metrics: DashboardMetrics }).metrics;
}

beforeAll(async () => {
  store = await createStore({ timeZone: "UTC" });
  support = await createTeam(store.id, { name: "Support" });
  const supervisor = await createUser(store.id, { role: "SUPERVISOR" });
  ada = await createOnlineAgent(store.id, { name: "Ada", teamId: support.id, capacity: 20 });
  await createUser(store.id, { name: "Ben", capacity: 5 });
  supervisorToken = (await createApiToken(db(), { storeId: store.id, userId: supervisor.id, name: "t" })).token;
  agentToken = (await createApiToken(db(), { storeId: store.id, userId: ada.id, name: "t" })).token;
  await db().slaPolicy.create({ data: { storeId: store.id, name: "Std", firstResponseSeconds: 600, resolutionSeconds: 86_400, warnAtShare: 0.5 } });

  // Answered after 2 and 4 minutes (met), after 20 minutes (late); one resolved after 30 minutes.
  for (const [age, answerAfter] of [[100, 2], [90, 4], [80, 20]] as const) {
    const { ticket } = await createTicket(store.id, { now: minutesAgo(age) });
    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "On it", actorId: ada.id, now: minutesAgo(age - answerAfter) });
    if (answerAfter === 2) {
      await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED", actorId: ada.id, now: minutesAgo(age - 30) });
      await db().csatResponse.create({ data: { storeId: store.id, ticketId: ticket.id, score: 5, agentId: ada.id, respondedAt: minutesAgo(60) } });
    }
  }
  // Ada is full for the rest: later tickets stay unassigned.
  await db().user.update({ where: { id: ada.id }, data: { availability: "OFFLINE" } });
  breachedNumber = (await createTicket(store.id, { subject: "Still waiting", now: minutesAgo(30) })).ticket.number;
  atRiskNumber = (await createTicket(store.id, { subject: "Getting close", now: minutesAgo(6) })).ticket.number;
  await createTicket(store.id, { subject: "Fresh", now: minutesAgo(1) });
  await runSlaSweep(db(), { storeId: store.id });

  await db().inboundEvent.createMany({
    data: [
      { storeId: store.id, source: "BIGCOMMERCE", dedupeKey: `m-${store.id}-1`, kind: "store/order/created", payload: {}, status: "PROCESSED", processedAt: new Date() },
      { storeId: store.id, source: "BIGCOMMERCE", dedupeKey: `m-${store.id}-2`, kind: "store/order/created", payload: {}, status: "DEAD" },
      { storeId: store.id, source: "TELEGRAM", dedupeKey: `m-${store.id}-3`, kind: "message", payload: {}, status: "PENDING" },
    ],
  });
});

describe("GET /api/v1/metrics/dashboard", () => {
  it("is for supervisors and admins only", async () => {
    const response = await dashboardRoute.GET(get("/metrics/dashboard", agentToken), noParams);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect((await exportRoute.GET(get("/metrics/export", agentToken), noParams)).status).toBe(403);
  });

  it("shows response times, SLA met, breaches, at-risk, queue, load, webhooks and CSAT", async () => {
    const metrics = await dashboard();
    expect(metrics.range.timeZone).toBe("UTC");
    expect(metrics.responseTimes.series).toHaveLength(7);
    // The three answers took about 2, 4 and 20 minutes: median 4 min, p90 interpolated between 4 and 20.
    expect(metrics.responseTimes.overall.firstResponse).toEqual({ count: 3, medianSeconds: 240, p90Seconds: expect.closeTo(1008, 6) });
    expect(metrics.responseTimes.overall.resolution).toMatchObject({ count: 1, medianSeconds: 1800 });

    // First responses: 2 met, 1 late, 1 still open and breached; one resolution met.
    expect(metrics.compliance.overall.firstResponse).toEqual({ met: 2, missed: 2, percentMet: 50 });
    expect(metrics.compliance.overall.resolution).toEqual({ met: 1, missed: 0, percentMet: 100 });
    const adaRow = metrics.compliance.byAgent.find((group) => group.id === ada.id);
    expect(adaRow?.firstResponse).toEqual({ met: 2, missed: 1, percentMet: 66.7 });
    expect(metrics.compliance.byAgent.find((group) => group.id === null)?.name).toBe("Unassigned");
    expect(metrics.compliance.byTeam.map((group) => group.name)).toEqual(["No team", "Support"]);

    expect(metrics.clocks.breached.map((clock) => [clock.number, clock.kind])).toEqual([[breachedNumber, "FIRST_RESPONSE"]]);
    expect(metrics.clocks.atRisk.map((clock) => clock.number)).toEqual([atRiskNumber]);
    expect(metrics.queue.open).toBe(5);
    expect(metrics.queue.unassigned).toBe(3);
    expect(metrics.queue.byStatus.find((entry) => entry.status === "AWAITING_AGENT")?.count).toBe(3);
    expect(metrics.agents.map((agent) => [agent.name, agent.load, agent.capacity, agent.availability])).toEqual([
      ["Ada", 2, 20, "OFFLINE"],
      ["Ben", 0, 5, "OFFLINE"],
    ]);
    const bigcommerce = metrics.webhooks.sources.find((source) => source.source === "BIGCOMMERCE");
    expect(bigcommerce).toMatchObject({ received: 2, processed: 1, dead: 1, status: "degraded" });
    expect(metrics.webhooks.sources.find((source) => source.source === "TELEGRAM")).toMatchObject({ backlog: 1 });
    // The ingestion's own BigCommerce report rides along: the dead letter raises an alert.
    expect(metrics.webhooks.bigcommerce.failures.deadLetters).toBe(1);
    expect(metrics.webhooks.bigcommerce.alerts.join(" ")).toContain("could not be processed");
    expect(metrics.csat).toMatchObject({ responses: 1, average: 5, responseRate: 1, byAgent: [{ id: ada.id, name: "Ada", responses: 1, average: 5 }] });
    expect(metrics.csat.distribution.map((entry) => entry.count)).toEqual([0, 0, 0, 0, 1]);
    expect(metrics.events.map((event) => event.type)).toEqual(expect.arrayContaining(["BREACH", "WARNING"]));
  });

  it("narrows to one team", async () => {
    const metrics = await dashboard(`?teamId=${support.id}`);
    expect(metrics.responseTimes.overall.firstResponse.count).toBe(3);
    expect(metrics.clocks.breached).toEqual([]);
    expect(metrics.agents.map((agent) => agent.name)).toEqual(["Ada"]);
    expect(metrics.queue.open).toBe(2);
  });

  it("takes a date range and refuses a bad one", async () => {
    const old = await dashboard("?from=2020-01-01&to=2020-01-03");
    expect(old.responseTimes.series.map((point) => point.day)).toEqual(["2020-01-01", "2020-01-02", "2020-01-03"]);
    expect(old.compliance.overall.overall.met).toBe(0);
    for (const query of ["?from=2026-13-01", "?from=2026-05-09&to=2026-05-01", "?teamId=nope", "?colour=red", "?from=2026-01-01&from=2026-01-02"]) {
      const response = await dashboardRoute.GET(get(`/metrics/dashboard${query}`), noParams);
      expect(response.status, query).toBe(422);
    }
    expect((await dashboardRoute.GET(get("/metrics/dashboard?teamId=0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000"), noParams)).status).toBe(404);
  });
});

describe("GET /api/v1/metrics/export", () => {
  it("downloads tickets, daily and agents reports as CSV", async () => {
    const tickets = await exportRoute.GET(get("/metrics/export"), noParams);
    expect(tickets.status).toBe(200);
    expect(tickets.headers.get("content-type")).toContain("text/csv");
    expect(tickets.headers.get("content-disposition")).toMatch(/attachment; filename="tern-tickets-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await tickets.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "number,subject,status,priority,team,assignee,created_at,first_response_at,first_response_seconds,first_response_due_at,first_response_sla,resolved_at,resolution_seconds,resolution_due_at,resolution_sla,csat,self_service_resolved_at",
    );
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.startsWith(`${breachedNumber},`))).toContain(",missed,");
    expect(lines.some((line) => line.endsWith(",met,5,"))).toBe(true);

    const daily = await (await exportRoute.GET(get("/metrics/export?report=daily"), noParams)).text();
    expect(daily.split("\r\n")[0]).toBe("day,first_responses,first_response_median_s,first_response_p90_s,resolutions,resolution_median_s,resolution_p90_s");
    const agents = await (await exportRoute.GET(get("/metrics/export?report=agents"), noParams)).text();
    // Ada: 2 first responses and 1 resolution met, 1 first response late.
    expect(agents).toContain("Ada,Support,OFFLINE,20,2,3,1,75,5,1");
    expect((await exportRoute.GET(get("/metrics/export?report=everything"), noParams)).status).toBe(422);
  });
});
