import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { addNote } from "./add-note.ts";
import { assignTicket } from "./assign-ticket.ts";
import { claimTicket } from "./claim-ticket.ts";
import { escalateTicket } from "./escalate-ticket.ts";
import { getTicket } from "./get-ticket.ts";
import { listTickets } from "./list-tickets.ts";
import { mergeTickets } from "./merge-tickets.ts";
import { snoozeTicket } from "./snooze-ticket.ts";
import { transferTicket } from "./transfer-ticket.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { wakeSnoozedTickets } from "./wake-snoozed-tickets.ts";

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("claimTicket", () => {
  it("assigns a queued ticket to the claiming agent, once: a second agent gets a conflict naming the first", async () => {
    const store = await createStore();
    const ada = await createUser(store.id, { name: "Ada" });
    const ben = await createUser(store.id, { name: "Ben" });
    const { ticket } = await createTicket(store.id);
    const claimed = await claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: ada.id });
    expect(claimed.ticket).toMatchObject({ status: "AGENT_ASSIGNED", assignee: { id: ada.id } });
    await expect(claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: ben.id })).rejects.toMatchObject({ code: "CONFLICT", message: "Already claimed by Ada" });
    // Claiming one's own ticket again changes nothing.
    expect((await claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: ada.id })).messages).toEqual([]);
  });

  it("has exactly one winner when agents claim at the same time", async () => {
    const store = await createStore();
    const agents = await Promise.all([1, 2, 3, 4].map(() => createUser(store.id)));
    const { ticket } = await createTicket(store.id);
    const results = await Promise.allSettled(agents.map((agent) => claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: agent.id })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const assignments = await db().message.count({ where: { ticketId: ticket.id, meta: { path: ["type"], equals: "assignment" } } });
    expect(assignments).toBe(1);
  });

  it("keeps an agent within capacity even when they claim several tickets at once", async () => {
    const store = await createStore();
    const ada = await createUser(store.id, { capacity: 2 });
    const tickets = await Promise.all([1, 2, 3, 4, 5].map(() => createTicket(store.id)));
    const results = await Promise.allSettled(tickets.map(({ ticket }) => claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: ada.id })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    const refusal = results.find((result) => result.status === "rejected");
    expect(refusal?.status === "rejected" && refusal.reason).toMatchObject({ code: "CONFLICT", message: "You are at your capacity (2 of 2 open tickets)" });
  });

  it("refuses resolved tickets and users of another store", async () => {
    const store = await createStore();
    const outsider = await createUser((await createStore()).id);
    const { ticket } = await createTicket(store.id);
    await expect(claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: outsider.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED" });
    const ada = await createUser(store.id);
    await expect(claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: ada.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("snoozeTicket and wakeSnoozedTickets", () => {
  it("hides a ticket from the not-snoozed view until its time, then wakes it with an entry in the thread", async () => {
    const store = await createStore();
    const ada = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { subject: "Sleepy" });
    const until = later(60);
    const snoozed = await snoozeTicket(db(), { storeId: store.id, ticketId: ticket.id, until, actorId: ada.id });
    expect(snoozed.ticket.snoozedUntil).toBe(until.toISOString());
    expect(snoozed.ticket.status).toBe("AWAITING_AGENT");
    expect(snoozed.messages[0]).toMatchObject({ kind: "ACTIVITY", meta: { type: "snooze", until: until.toISOString() } });

    const visible = async (snoozedFilter: boolean) =>
      (await listTickets(db(), { storeId: store.id, filters: { snoozed: snoozedFilter } })).items.map((item) => item.id);
    expect(await visible(false)).not.toContain(ticket.id);
    expect(await visible(true)).toContain(ticket.id);

    // Not yet due: nothing to wake. Due: woken once, even if two instances run the job together.
    expect(await wakeSnoozedTickets(db(), new Date())).toBe(0);
    const woken = await Promise.all([wakeSnoozedTickets(db(), later(61)), wakeSnoozedTickets(db(), later(61))]);
    expect(woken[0] + woken[1]).toBeGreaterThanOrEqual(1);
    const detail = await getTicket(db(), { storeId: store.id, ticketId: ticket.id });
    expect(detail.ticket.snoozedUntil).toBeNull();
    expect(detail.messages.filter((message) => message.body === "Snooze ended")).toHaveLength(1);
    expect(await visible(false)).toContain(ticket.id);
  });

  it("refuses a time in the past, a snooze beyond 90 days and a resolved ticket", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id);
    const snooze = (until: Date | null) => snoozeTicket(db(), { storeId: store.id, ticketId: ticket.id, until, actorId: null });
    await expect(snooze(later(-1))).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(snooze(later(91 * 24 * 60))).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED" });
    await expect(snooze(later(10))).rejects.toMatchObject({ code: "CONFLICT" });
    // Waking a ticket that is not snoozed is a no-op.
    expect((await snooze(null)).messages).toEqual([]);
  });
});

describe("escalateTicket", () => {
  it("moves the ticket to Escalated in the level-2 team's queue, recorded in the thread", async () => {
    const store = await createStore();
    const level2 = await db().team.create({ data: { storeId: store.id, name: "Tier 2", level: 2 }, select: { id: true } });
    const ada = await createUser(store.id, { name: "Ada" });
    const { ticket } = await createTicket(store.id);
    await claimTicket(db(), { storeId: store.id, ticketId: ticket.id, userId: ada.id });
    const escalated = await escalateTicket(db(), { storeId: store.id, ticketId: ticket.id, actorId: ada.id, reason: "Customer threatens chargeback" });
    expect(escalated.ticket).toMatchObject({ status: "ESCALATED", teamId: level2.id, assignee: null });
    expect(escalated.messages.map((message) => message.body)).toEqual([
      "Moved to team Tier 2 (escalated)",
      "Unassigned from Ada",
      "Status changed from Agent Assigned to Escalated",
    ]);
    expect(escalated.messages.at(-1)?.meta).toMatchObject({ reason: "Escalated: Customer threatens chargeback" });
    await expect(escalateTicket(db(), { storeId: store.id, ticketId: ticket.id, actorId: ada.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("transferTicket", () => {
  it("hands a ticket to another team, back to that team's queue when its agent is not a member", async () => {
    const store = await createStore();
    const billing = await db().team.create({ data: { storeId: store.id, name: "Billing" }, select: { id: true } });
    const ada = await createUser(store.id, { name: "Ada" });
    const bea = await createUser(store.id, { name: "Bea", teamId: billing.id });
    const { ticket } = await createTicket(store.id);
    await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id });

    const moved = await transferTicket(db(), { storeId: store.id, ticketId: ticket.id, actorId: ada.id, teamId: billing.id });
    expect(moved.ticket).toMatchObject({ teamId: billing.id, assignee: null, status: "AWAITING_AGENT" });

    const toBea = await transferTicket(db(), { storeId: store.id, ticketId: ticket.id, actorId: ada.id, assigneeId: bea.id });
    expect(toBea.ticket).toMatchObject({ assignee: { id: bea.id }, status: "AGENT_ASSIGNED" });

    const otherStoreTeam = await db().team.create({ data: { storeId: (await createStore()).id, name: "Elsewhere" }, select: { id: true } });
    await expect(transferTicket(db(), { storeId: store.id, ticketId: ticket.id, actorId: null, teamId: otherStoreTeam.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});

describe("mergeTickets", () => {
  it("moves the duplicate's conversation into the target and closes the duplicate with a link", async () => {
    const store = await createStore();
    const carol = await createCustomer(store.id);
    const ada = await createUser(store.id);
    const target = await createTicket(store.id, { subject: "Parcel late", body: "Where is it?", customerId: carol.id, tags: ["shipping"] });
    const source = await createTicket(store.id, { subject: "Parcel late (again)", body: "Hello??", customerId: carol.id, tags: ["angry"] });
    await addNote(db(), { storeId: store.id, ticketId: source.ticket.id, body: "Same as the other one", actorId: ada.id });

    const result = await mergeTickets(db(), { storeId: store.id, sourceId: source.ticket.id, targetId: target.ticket.id, actorId: ada.id });
    expect(result.moved.map((message) => message.body)).toEqual(["Hello??", "Same as the other one"]);
    expect(result.source.ticket).toMatchObject({ status: "CLOSED", mergedIntoId: target.ticket.id });
    expect(result.target.ticket.tags).toEqual(["shipping", "angry"]);

    const targetThread = await getTicket(db(), { storeId: store.id, ticketId: target.ticket.id });
    expect(targetThread.messages.filter((message) => message.kind !== "ACTIVITY").map((message) => message.body)).toEqual(["Where is it?", "Hello??", "Same as the other one"]);
    expect(targetThread.messages.at(-1)?.body).toBe(`Merged #${source.ticket.number} into this ticket (2 messages moved)`);
    const sourceThread = await getTicket(db(), { storeId: store.id, ticketId: source.ticket.id });
    expect(sourceThread.messages.every((message) => message.kind === "ACTIVITY")).toBe(true);
    expect(sourceThread.messages.map((message) => message.body)).toContain(`Merged into #${target.ticket.number}`);
  });

  it("refuses merging into itself, a closed ticket, another customer's or another store's ticket", async () => {
    const store = await createStore();
    const a = await createTicket(store.id, { customerId: (await createCustomer(store.id)).id });
    const b = await createTicket(store.id, { customerId: (await createCustomer(store.id)).id });
    const closed = await createTicket(store.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: closed.ticket.id, to: "CLOSED" });
    const foreign = await createTicket((await createStore()).id);
    const merge = (sourceId: string, targetId: string) => mergeTickets(db(), { storeId: store.id, sourceId, targetId, actorId: null });
    await expect(merge(a.ticket.id, a.ticket.id)).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(merge(a.ticket.id, b.ticket.id)).rejects.toMatchObject({ code: "UNPROCESSABLE", message: "Only tickets of the same customer can be merged" });
    await expect(merge(a.ticket.id, closed.ticket.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(merge(a.ticket.id, foreign.ticket.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
