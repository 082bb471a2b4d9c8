import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createOnlineAgent, createStore, createTeam, createTicket, createUser } from "@/lib/testing/factories.ts";
import { drainQueue } from "./drain-queue.ts";
import { requeueUnresponsiveTickets } from "./requeue-unresponsive-tickets.ts";
import { setUserAvailability } from "./set-user-availability.ts";

async function rule(storeId: string, data: { name?: string; position: number; conditions: object; teamId?: string; assigneeId?: string; priority?: "HIGH" | "URGENT" }) {
  return db().assignmentRule.create({ data: { storeId, name: data.name ?? `Rule ${data.position}`, ...data }, select: { id: true } });
}

describe("routing at creation", () => {
  it("gives the ticket to the least-loaded online agent under capacity", async () => {
    const store = await createStore();
    const ada = await createOnlineAgent(store.id, { name: "Ada", capacity: 5 });
    const ben = await createOnlineAgent(store.id, { name: "Ben", capacity: 5 });
    await createUser(store.id, { name: "Offline Olga" });
    const first = await createTicket(store.id);
    const second = await createTicket(store.id);
    const third = await createTicket(store.id);
    expect(first.ticket).toMatchObject({ status: "AGENT_ASSIGNED" });
    const assignees = [first, second, third].map((change) => change.ticket.assignee?.id);
    expect(new Set(assignees.slice(0, 2))).toEqual(new Set([ada.id, ben.id]));
    expect([ada.id, ben.id]).toContain(assignees[2]);
    expect(first.messages.map((message) => message.body)).toContain("Status changed from Awaiting Agent to Agent Assigned");
  });

  it("leaves the ticket queued when nobody is online or everyone is full", async () => {
    const store = await createStore();
    await createUser(store.id);
    expect((await createTicket(store.id)).ticket).toMatchObject({ status: "AWAITING_AGENT", assignee: null });
    await createOnlineAgent(store.id, { capacity: 1 });
    // The older ticket waits first: the new one does not jump the queue.
    expect((await createTicket(store.id)).ticket.assignee).toBeNull();
    expect((await drainQueue(db(), { storeId: store.id })).length).toBe(1);
    expect((await createTicket(store.id)).ticket.assignee).toBeNull();
  });

  it("applies the first matching rule: team, priority, and a team member gets it", async () => {
    const store = await createStore();
    const finance = await createTeam(store.id, { name: "Finance" });
    const general = await createOnlineAgent(store.id, { name: "General", capacity: 5 });
    const fin = await createOnlineAgent(store.id, { name: "Fin", teamId: finance.id, capacity: 5 });
    await rule(store.id, { position: 2, conditions: {}, name: "Catch-all" });
    await rule(store.id, { position: 1, conditions: { issueType: ["refund"] }, teamId: finance.id, priority: "HIGH", name: "Refunds" });

    const refund = await createTicket(store.id, { category: "Refund" });
    expect(refund.ticket).toMatchObject({ teamId: finance.id, priority: "HIGH", assignee: { id: fin.id }, status: "AGENT_ASSIGNED" });
    const bodies = refund.messages.map((message) => message.body);
    expect(bodies).toContain("Routed to Finance by rule “Refunds”");
    expect(bodies).toContain("Priority changed from Normal to High");

    const other = await createTicket(store.id, { category: "shipping" });
    expect(other.ticket).toMatchObject({ teamId: null, assignee: { id: general.id } });
    expect(other.messages.map((message) => message.body)).toContain("Routing rule “Catch-all” matched");
  });

  it("recomputes the SLA targets when a rule raises the priority", async () => {
    const store = await createStore();
    await db().slaPolicy.create({ data: { storeId: store.id, name: "Urgent", priority: "URGENT", firstResponseSeconds: 300, resolutionSeconds: 3600 } });
    await rule(store.id, { position: 1, conditions: { tier: "VIP" }, priority: "URGENT" });
    const vip = await createCustomer(store.id, { tier: "VIP" });
    const now = new Date("2026-05-04T10:00:00Z");
    const { ticket } = await createTicket(store.id, { customerId: vip.id, now });
    expect(ticket.priority).toBe("URGENT");
    expect(ticket.firstResponseDueAt).toBe("2026-05-04T10:05:00.000Z");
  });

  it("matches on the order's value, categories and billing country", async () => {
    const store = await createStore();
    const team = await createTeam(store.id, { name: "Big spenders" });
    await rule(store.id, { position: 1, conditions: { minOrderValue: 500, category: ["Shoes"], region: ["DE"] }, teamId: team.id });
    await db().orderSnapshot.create({
      data: {
        storeId: store.id,
        bigcommerceOrderId: 100,
        totalIncTax: "799.5000",
        order: { id: 100, billing_address: { country_iso2: "DE" } },
        products: [{ name: "Boot", categories: ["Shoes"] }],
      },
    });
    await db().orderSnapshot.create({ data: { storeId: store.id, bigcommerceOrderId: 101, totalIncTax: "20.0000", order: { id: 101 }, products: [] } });
    expect((await createTicket(store.id, { bigcommerceOrderId: 100 })).ticket.teamId).toBe(team.id);
    expect((await createTicket(store.id, { bigcommerceOrderId: 101 })).ticket.teamId).toBeNull();
  });

  it("sends a rule naming an agent to that agent, or to their team when they are away", async () => {
    const store = await createStore();
    const vipTeam = await createTeam(store.id, { name: "VIP desk" });
    const vera = await createOnlineAgent(store.id, { name: "Vera", teamId: vipTeam.id, capacity: 1 });
    const victor = await createOnlineAgent(store.id, { name: "Victor", teamId: vipTeam.id, capacity: 5 });
    await rule(store.id, { position: 1, conditions: { tier: "VIP" }, assigneeId: vera.id });
    const vip = await createCustomer(store.id, { tier: "VIP" });
    expect((await createTicket(store.id, { customerId: vip.id })).ticket).toMatchObject({ assignee: { id: vera.id }, teamId: vipTeam.id });
    // Vera is full now: her team takes the next one.
    expect((await createTicket(store.id, { customerId: vip.id })).ticket.assignee?.id).toBe(victor.id);
  });

  it("does nothing automatic when the store turned auto-assignment off", async () => {
    const store = await createStore();
    await createOnlineAgent(store.id);
    await db().routingSettings.create({ data: { storeId: store.id, autoAssign: false } });
    expect((await createTicket(store.id)).ticket.assignee).toBeNull();
    expect(await drainQueue(db(), { storeId: store.id })).toEqual([]);
  });
});

describe("the queue", () => {
  it("is drained most urgent first, then oldest", async () => {
    const store = await createStore();
    const t0 = new Date("2026-05-04T10:00:00Z");
    const old = await createTicket(store.id, { subject: "old normal", now: t0 });
    const urgent = await createTicket(store.id, { subject: "new urgent", priority: "URGENT", now: new Date(t0.getTime() + 60_000) });
    await createTicket(store.id, { subject: "newer normal", now: new Date(t0.getTime() + 120_000) });
    await createOnlineAgent(store.id, { capacity: 2 });
    const assigned = await drainQueue(db(), { storeId: store.id });
    expect(assigned.map((change) => change.ticket.id)).toEqual([urgent.ticket.id, old.ticket.id]);
  });

  it("gives an escalated ticket waiting in a level-2 team to a member of that team only", async () => {
    const store = await createStore();
    const level2 = await createTeam(store.id, { name: "Level 2", level: 2 });
    const { ticket } = await createTicket(store.id);
    await db().ticket.update({ where: { id: ticket.id }, data: { teamId: level2.id } });
    await db().ticket.update({ where: { id: ticket.id }, data: { status: "ESCALATED" } });
    await createOnlineAgent(store.id, { name: "Level 1 agent" });
    expect(await drainQueue(db(), { storeId: store.id })).toEqual([]);
    const expert = await createOnlineAgent(store.id, { name: "Expert", teamId: level2.id });
    const [change] = await drainQueue(db(), { storeId: store.id });
    expect(change?.ticket).toMatchObject({ status: "ESCALATED", assignee: { id: expert.id } });
  });
});

describe("re-queueing", () => {
  it("sends an agent's not-yet-started tickets back when they go offline, to someone with room", async () => {
    const store = await createStore();
    const ada = await createOnlineAgent(store.id, { name: "Ada", capacity: 3 });
    const first = await createTicket(store.id);
    const second = await createTicket(store.id);
    expect(first.ticket.assignee?.id).toBe(ada.id);
    // Ada starts one of them: that one stays with her.
    await db().ticket.update({ where: { id: second.ticket.id }, data: { status: "IN_PROGRESS" } });
    const ben = await createOnlineAgent(store.id, { name: "Ben", capacity: 3 });

    const result = await setUserAvailability(db(), { storeId: store.id, actor: { userId: ada.id, role: "AGENT" }, userId: ada.id, availability: "OFFLINE" });
    expect(result.user.availability).toBe("OFFLINE");
    expect(result.requeued.map((change) => change.ticket.id)).toEqual([first.ticket.id]);
    expect(result.requeued[0]?.messages.map((message) => message.body)).toContain("Status changed from Agent Assigned to Awaiting Agent");
    expect(result.assigned.map((change) => [change.ticket.id, change.ticket.assignee?.id])).toEqual([[first.ticket.id, ben.id]]);
    const kept = await db().ticket.findUniqueOrThrow({ where: { id: second.ticket.id }, select: { assigneeId: true } });
    expect(kept.assigneeId).toBe(ada.id);
  });

  it("lets agents change only their own availability; supervisors anyone's", async () => {
    const store = await createStore();
    const ada = await createUser(store.id);
    const ben = await createUser(store.id);
    const boss = await createUser(store.id, { role: "SUPERVISOR" });
    await expect(setUserAvailability(db(), { storeId: store.id, actor: { userId: ben.id, role: "AGENT" }, userId: ada.id, availability: "ONLINE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const done = await setUserAvailability(db(), { storeId: store.id, actor: { userId: boss.id, role: "SUPERVISOR" }, userId: ada.id, availability: "ONLINE" });
    expect(done.user.availability).toBe("ONLINE");
    const elsewhere = await createStore();
    await expect(
      setUserAvailability(db(), { storeId: elsewhere.id, actor: { userId: boss.id, role: "SUPERVISOR" }, userId: ada.id, availability: "ONLINE" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("takes a ticket back from an agent who did not respond in time and gives it to another", async () => {
    const store = await createStore();
    await db().routingSettings.create({ data: { storeId: store.id, assignmentTimeoutSeconds: 120 } });
    const ada = await createOnlineAgent(store.id, { name: "Ada" });
    const { ticket } = await createTicket(store.id);
    expect(ticket.assignee?.id).toBe(ada.id);
    const ben = await createOnlineAgent(store.id, { name: "Ben", capacity: 50 });

    expect(await requeueUnresponsiveTickets(db(), { storeId: store.id, now: new Date(Date.now() + 60_000) })).toEqual([]);
    const [change] = await requeueUnresponsiveTickets(db(), { storeId: store.id, now: new Date(Date.now() + 180_000) });
    expect(change?.ticket).toMatchObject({ id: ticket.id, status: "AGENT_ASSIGNED", assignee: { id: ben.id } });
    expect(change?.messages.map((message) => message.body)).toContain("Status changed from Agent Assigned to Awaiting Agent");
    const reason = await db().message.findFirst({ where: { ticketId: ticket.id, meta: { path: ["reason"], string_contains: "No response from Ada" } }, select: { id: true } });
    expect(reason).not.toBeNull();
  });
});
