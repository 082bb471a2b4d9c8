import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTeam, createTicket, type TestStore } from "@/lib/testing/factories.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { getDashboardMetrics } from "./get-dashboard-metrics.ts";
import { exportMetricsCsv } from "./export-metrics-csv.ts";

// Deflection is read from the marker the bot sets (Ticket.selfServiceResolvedAt) and self-service
// use from the audit rows every self-service action writes; both within the range, the store and
// (when asked) the team.

let store: TestStore;
let teamId: string;
let deflectedNumber: number;

async function resolvedTicket(options: { teamId?: string; selfService?: boolean } = {}) {
  const { ticket } = await createTicket(store.id, { subject: "Returns question" });
  await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED" });
  await db().ticket.update({
    where: { id: ticket.id },
    data: { ...(options.teamId ? { teamId: options.teamId } : {}), ...(options.selfService ? { selfServiceResolvedAt: new Date() } : {}) },
    select: { id: true },
  });
  return ticket;
}

async function audit(storeId: string, ticketId: string, action: string, detail: object, createdAt = new Date()) {
  await db().auditLog.create({ data: { storeId, actorId: null, action, targetType: "ticket", targetId: ticketId, detail, createdAt }, select: { id: true } });
}

beforeAll(async () => {
  store = await createStore();
  teamId = (await createTeam(store.id)).id;
  const deflected = await resolvedTicket({ teamId, selfService: true });
  deflectedNumber = deflected.number;
  const declined = await resolvedTicket();
  await resolvedTicket();
  await createTicket(store.id, { subject: "Still open" });

  await audit(store.id, deflected.id, "self_service.kb_answer", { outcome: "offered" });
  await audit(store.id, deflected.id, "self_service.kb_answer", { outcome: "accepted", resolved: true });
  await audit(store.id, declined.id, "self_service.kb_answer", { outcome: "offered" });
  await audit(store.id, declined.id, "self_service.kb_answer", { outcome: "declined" });
  // Another kind of self-service (product search, written by that feature in the same shape).
  await audit(store.id, declined.id, "self_service.product_search", { query: "moss" });
  // Not counted: before the range, not self-service, another store's.
  await audit(store.id, declined.id, "self_service.kb_answer", { outcome: "offered" }, new Date(Date.now() - 40 * 86_400_000));
  await audit(store.id, declined.id, "ticket.merged", {});
  const other = await createStore();
  const { ticket: otherTicket } = await createTicket(other.id);
  await audit(other.id, otherTicket.id, "self_service.kb_answer", { outcome: "accepted" });
});

describe("self-service on the dashboard", () => {
  it("counts conversations resolved without an agent against all resolved, and self-service use by kind", async () => {
    const { selfService } = await getDashboardMetrics(db(), { storeId: store.id, filters: {} });
    expect(selfService).toEqual({
      deflected: 1,
      resolved: 3,
      deflectionRate: 0.333,
      byKind: [
        { kind: "kb_answer", count: 4 },
        { kind: "product_search", count: 1 },
      ],
      kbAnswers: { offered: 2, accepted: 1, declined: 1 },
    });
  });

  it("narrows both to one team's tickets", async () => {
    const { selfService } = await getDashboardMetrics(db(), { storeId: store.id, filters: { teamId } });
    expect(selfService).toEqual({ deflected: 1, resolved: 1, deflectionRate: 1, byKind: [{ kind: "kb_answer", count: 2 }], kbAnswers: { offered: 1, accepted: 1, declined: 0 } });
  });

  it("shows nothing for a range without resolutions", async () => {
    const { selfService } = await getDashboardMetrics(db(), { storeId: store.id, filters: { from: "2020-01-01", to: "2020-01-31" } });
    expect(selfService).toEqual({ deflected: 0, resolved: 0, deflectionRate: null, byKind: [], kbAnswers: { offered: 0, accepted: 0, declined: 0 } });
  });

  it("drops a conversation from deflection once it is reopened, even if resolved again", async () => {
    const reopened = await resolvedTicket({ selfService: true });
    await transitionTicket(db(), { storeId: store.id, ticketId: reopened.id, to: "AWAITING_AGENT" });
    await transitionTicket(db(), { storeId: store.id, ticketId: reopened.id, to: "RESOLVED" });
    expect(await db().ticket.findUniqueOrThrow({ where: { id: reopened.id }, select: { selfServiceResolvedAt: true } })).toEqual({ selfServiceResolvedAt: null });
    const { selfService } = await getDashboardMetrics(db(), { storeId: store.id, filters: {} });
    expect(selfService).toMatchObject({ deflected: 1, resolved: 4 });
  });

  it("says in the tickets CSV which were resolved by self-service", async () => {
    const { csv } = await exportMetricsCsv(db(), { storeId: store.id, report: "tickets", filters: {} });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]!.endsWith(",csat,self_service_resolved_at")).toBe(true);
    expect(lines.find((line) => line.startsWith(`${deflectedNumber},`))).toMatch(/,\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(lines.filter((line) => /Z$/.test(line))).toHaveLength(1);
  });
});
