import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { snoozeTicket } from "@/lib/tickets/snooze-ticket.ts";
import { transitionTicket } from "./transition-ticket.ts";

const T0 = new Date("2026-02-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

type StatusMeta = { type: string; from: TicketStatus; to: TicketStatus; reason: string | null };

async function statusEntries(ticketId: string): Promise<StatusMeta[]> {
  const rows = await db().message.findMany({
    where: { ticketId, kind: "ACTIVITY" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { meta: true },
  });
  return rows.map((row) => row.meta as StatusMeta).filter((meta) => meta.type === "status");
}

async function clocks(ticketId: string) {
  return db().ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { status: true, waitingSince: true, pausedSeconds: true, resolvedAt: true, closedAt: true, firstResponseDueAt: true, resolutionDueAt: true },
  });
}

describe("transitionTicket", () => {
  it("ends a snooze when the ticket is finished, and keeps it through other moves", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    const until = new Date(Date.now() + 3_600_000);
    await snoozeTicket(db(), { storeId: store.id, ticketId: ticket.id, until, actorId: agent.id });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "ESCALATED", actorId: agent.id });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { snoozedUntil: true } })).snoozedUntil).toEqual(until);
    const resolved = await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "RESOLVED", actorId: agent.id });
    expect(resolved.ticket.snoozedUntil).toBeNull();
  });

  it("records the move as an activity entry by the actor and returns both", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    const result = await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "ESCALATED", actorId: agent.id, reason: "Angry customer" });
    expect(result.ticket.status).toBe("ESCALATED");
    expect(result.from).toBe("AWAITING_AGENT");
    expect(result.activity).toMatchObject({
      kind: "ACTIVITY",
      body: "Status changed from Awaiting Agent to Escalated",
      author: { id: agent.id, name: agent.name },
      meta: { type: "status", from: "AWAITING_AGENT", to: "ESCALATED", reason: "Angry customer" },
    });
    expect(result.messages).toEqual([result.activity]);
  });

  it("pauses the SLA while waiting on the customer and pushes the due times by the pause", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { now: T0 });
    const move = (to: TicketStatus, minute: number) => transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to, now: at(minute) });

    const waiting = await move("WAITING_ON_CUSTOMER", 10);
    expect(waiting.ticket.waitingSince).toBe(iso(10));

    const back = await move("IN_PROGRESS", 40);
    expect(back.ticket.waitingSince).toBeNull();
    expect(back.ticket.firstResponseDueAt).toBe(iso(60 + 30));
    expect(back.ticket.resolutionDueAt).toBe(iso(24 * 60 + 30));
    expect((await clocks(ticket.id)).pausedSeconds).toBe(30 * 60);

    // A second pause adds up; resolving while paused closes the pause first.
    await move("WAITING_ON_CUSTOMER", 50);
    const resolved = await move("RESOLVED", 70);
    expect(resolved.ticket.resolvedAt).toBe(iso(70));
    expect(resolved.ticket.waitingSince).toBeNull();
    expect(resolved.ticket.firstResponseDueAt).toBe(iso(60 + 30 + 20));
    expect(resolved.ticket.resolutionDueAt).toBe(iso(24 * 60 + 50));
    expect((await clocks(ticket.id)).pausedSeconds).toBe(50 * 60);
  });

  it("does not move the first-response due time once the ticket was answered", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { now: T0 });
    await db().ticket.update({ where: { id: ticket.id }, data: { firstResponseAt: at(5) } });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "WAITING_ON_CUSTOMER", now: at(10) });
    const back = await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "IN_PROGRESS", now: at(70) });
    expect(back.ticket.firstResponseDueAt).toBe(iso(60));
    expect(back.ticket.resolutionDueAt).toBe(iso(24 * 60 + 60));
  });

  it("stamps resolve, clears it on reopen, and stamps close", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { now: T0 });
    const move = (to: TicketStatus, minute: number) => transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to, now: at(minute) });
    expect((await move("RESOLVED", 10)).ticket.resolvedAt).toBe(iso(10));
    expect((await move("AWAITING_AGENT", 20)).ticket.resolvedAt).toBeNull();
    expect((await move("RESOLVED", 30)).ticket.resolvedAt).toBe(iso(30));
    await move("CLOSED", 40);
    const closed = await clocks(ticket.id);
    expect(closed.closedAt).toEqual(at(40));
    expect(closed.resolvedAt).toEqual(at(30));
  });

  it("refuses moves the machine does not allow, changing nothing", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id);
    const before = await clocks(ticket.id);
    const refusals: [TicketStatus, string][] = [
      ["AWAITING_AGENT", "already Awaiting Agent"],
      ["OPEN", "Open"],
      ["AGENT_ASSIGNED", "needs an assignee"],
    ];
    for (const [to, reason] of refusals) {
      const attempt = transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "INVALID_TRANSITION", message: expect.stringContaining(reason) });
    }
    expect(await clocks(ticket.id)).toEqual(before);
    expect(await statusEntries(ticket.id)).toHaveLength(1);

    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "CLOSED" });
    await expect(transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "IN_PROGRESS" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("assigns in the same change when moving to Agent Assigned, checking the assignee's store", async () => {
    const store = await createStore();
    const other = await createStore();
    const agent = await createUser(store.id, { name: "Ada" });
    const outsider = await createUser(other.id);
    const disabled = await createUser(store.id, { disabledAt: new Date() });
    const { ticket } = await createTicket(store.id);
    for (const assigneeId of [outsider.id, disabled.id, "not-a-uuid"]) {
      await expect(transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "AGENT_ASSIGNED", assigneeId })).rejects.toMatchObject({
        code: "UNPROCESSABLE",
      });
    }
    const result = await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "AGENT_ASSIGNED", assigneeId: agent.id });
    expect(result.ticket.assignee).toEqual({ id: agent.id, name: "Ada" });
    expect(result.messages.map((message) => message.body)).toEqual(["Assigned to Ada", "Status changed from Awaiting Agent to Agent Assigned"]);
  });

  it("answers not found for another store's ticket, a missing one and a malformed id", async () => {
    const store = await createStore();
    const other = await createStore();
    const { ticket } = await createTicket(store.id);
    for (const [storeId, ticketId] of [
      [other.id, ticket.id],
      [store.id, "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000"],
      [store.id, "42"],
    ] as const) {
      await expect(transitionTicket(db(), { storeId, ticketId, to: "IN_PROGRESS" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await clocks(ticket.id)).status).toBe("AWAITING_AGENT");
  });

  it("stays consistent when 20 transitions race on one ticket", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await db().ticket.update({ where: { id: ticket.id }, data: { assigneeId: agent.id } });
    // A mix that is allowed or refused depending on who wins the lock first: same-status moves,
    // leaving Resolved for a non-reopen status. (No Closed: whoever closed early would end the race.)
    const targets: TicketStatus[] = [
      "IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "ESCALATED", "AWAITING_AGENT",
      "IN_PROGRESS", "AGENT_ASSIGNED", "RESOLVED", "PRIORITY_QUEUE", "WAITING_ON_CUSTOMER",
      "CUSTOMER_NOTIFIED", "RESOLVED", "AGENT_NOTIFIED", "IN_PROGRESS", "RETURN_PROCESSING",
      "RESOLVED", "AWAITING_AGENT", "ESCALATED", "AGENT_ASSIGNED", "IN_PROGRESS",
    ];
    const outcomes = await Promise.allSettled(
      targets.map((to) => transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to, actorId: agent.id })),
    );
    const successes = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    const refusals = outcomes.filter(
      (outcome) => outcome.status === "rejected" && outcome.reason instanceof AppError && outcome.reason.code === "INVALID_TRANSITION",
    ).length;
    const unexpected = outcomes.filter((outcome) => outcome.status === "rejected" && !(outcome.reason instanceof AppError && outcome.reason.code === "INVALID_TRANSITION"));
    expect(unexpected).toEqual([]);
    expect(successes + refusals).toBe(targets.length);
    expect(successes).toBeGreaterThan(0);

    const entries = await statusEntries(ticket.id);
    // The creation entry plus one per successful move, nothing for refusals.
    expect(entries).toHaveLength(1 + successes);
    expect(entries[0]).toMatchObject({ from: "OPEN", to: "AWAITING_AGENT" });
    for (let i = 1; i < entries.length; i++) {
      expect(entries[i]?.from, `entry ${i} starts where entry ${i - 1} ended`).toBe(entries[i - 1]?.to);
    }
    const final = await clocks(ticket.id);
    expect(final.status).toBe(entries.at(-1)?.to);
    // The clocks agree with the final status.
    expect(final.waitingSince === null).toBe(final.status !== "WAITING_ON_CUSTOMER");
    if (final.status === "RESOLVED") expect(final.resolvedAt).not.toBeNull();
    if (final.status !== "RESOLVED" && final.status !== "CLOSED") expect(final.resolvedAt).toBeNull();
    expect(final.closedAt === null).toBe(final.status !== "CLOSED");
  });
});
