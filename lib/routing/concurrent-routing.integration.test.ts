import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createOnlineAgent, createStore, createTicket, createUser, type TestUser } from "@/lib/testing/factories.ts";
import { drainQueue } from "./drain-queue.ts";
import { setUserAvailability } from "./set-user-availability.ts";

const CAPACITIES = [10, 20, 30, 40, 50];
const TICKETS = 200;

type Tally = { loads: Map<string, number>; assignmentsPerTicket: Map<string, number>; unassigned: number };

async function tally(storeId: string): Promise<Tally> {
  const tickets = await db().ticket.findMany({ where: { storeId }, select: { id: true, assigneeId: true, status: true } });
  const loads = new Map<string, number>();
  for (const ticket of tickets) if (ticket.assigneeId) loads.set(ticket.assigneeId, (loads.get(ticket.assigneeId) ?? 0) + 1);
  // Every assignment ever made leaves an entry in the thread: a ticket assigned twice would show two.
  const entries = await db().message.findMany({ where: { storeId, kind: "ACTIVITY", meta: { path: ["type"], equals: "assignment" } }, select: { ticketId: true, meta: true } });
  const assignmentsPerTicket = new Map<string, number>();
  for (const entry of entries) assignmentsPerTicket.set(entry.ticketId, (assignmentsPerTicket.get(entry.ticketId) ?? 0) + 1);
  const unassigned = tickets.filter((ticket) => ticket.assigneeId === null);
  expect(unassigned.every((ticket) => ticket.status === "AWAITING_AGENT")).toBe(true);
  return { loads, assignmentsPerTicket, unassigned: unassigned.length };
}

function expectCapacitiesRespected(agents: TestUser[], result: Tally) {
  agents.forEach((agent, index) => expect(result.loads.get(agent.id) ?? 0).toBeLessThanOrEqual(CAPACITIES[index]!));
}

function expectFilledExactlyOnce(agents: TestUser[], result: Tally) {
  // More tickets than seats: once the queue is drained every agent is exactly full.
  agents.forEach((agent, index) => expect(result.loads.get(agent.id)).toBe(CAPACITIES[index]));
  const total = CAPACITIES.reduce((sum, capacity) => sum + capacity, 0);
  expect(result.unassigned).toBe(TICKETS - total);
  expect(result.assignmentsPerTicket.size).toBe(total);
  expect([...result.assignmentsPerTicket.values()].every((count) => count === 1)).toBe(true);
}

describe("routing under concurrency", () => {
  it("200 tickets arriving at once over 5 agents: no capacity exceeded, each ticket assigned once", async () => {
    const store = await createStore();
    const agents = await Promise.all(CAPACITIES.map((capacity, index) => createOnlineAgent(store.id, { name: `Agent ${index}`, capacity })));

    // The queue drain runs alongside the arrivals, as the scheduler would, competing for the same agents.
    let arriving = true;
    const drains = Array.from({ length: 3 }, async () => {
      while (arriving) await drainQueue(db(), { storeId: store.id });
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: TICKETS }, (_, index) => createTicket(store.id, { subject: `Burst ${index}` })));
    console.log(`[routing] ${TICKETS} concurrent creations with routing: ${Math.round(performance.now() - started)} ms`);
    arriving = false;
    await Promise.all(drains);

    expectCapacitiesRespected(agents, await tally(store.id));
    // Claims that lost a race for an agent's lock left their ticket queued; one more drain seats them.
    await drainQueue(db(), { storeId: store.id });
    expectFilledExactlyOnce(agents, await tally(store.id));
  });

  it("a queue of 200 drained by many drains at once as 5 agents come online", async () => {
    const store = await createStore();
    const agents = await Promise.all(CAPACITIES.map((capacity, index) => createUser(store.id, { name: `Agent ${index}`, capacity })));
    const supervisor = await createUser(store.id, { role: "SUPERVISOR" });
    await Promise.all(Array.from({ length: TICKETS }, (_, index) => createTicket(store.id, { subject: `Queued ${index}` })));
    expect((await tally(store.id)).unassigned).toBe(TICKETS);

    await Promise.all([
      ...agents.map((agent) =>
        setUserAvailability(db(), { storeId: store.id, actor: { userId: supervisor.id, role: "SUPERVISOR" }, userId: agent.id, availability: "ONLINE" }),
      ),
      ...Array.from({ length: 6 }, () => drainQueue(db(), { storeId: store.id })),
    ]);
    expectCapacitiesRespected(agents, await tally(store.id));
    await drainQueue(db(), { storeId: store.id });
    expectFilledExactlyOnce(agents, await tally(store.id));
  });
});
