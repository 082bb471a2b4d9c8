import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db/client.ts";
import type { ClientToServerEvents, SlaEventPayload, ServerToClientEvents } from "@/lib/realtime/events.ts";
import { createRealtimeServer, type RealtimeHandle } from "@/lib/realtime/socket-server.ts";
import { startTestDispatcher } from "@/lib/testing/event-dispatcher.ts";
import { createOnlineAgent, createStore, createTeam, createTicket, createUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { runSlaSweep } from "./run-sla-sweep.ts";

const T0 = new Date("2026-05-04T10:00:00.000Z"); // a Monday
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function events(ticketId: string) {
  const rows = await db().slaEvent.findMany({ where: { ticketId }, orderBy: [{ at: "asc" }, { type: "asc" }], select: { kind: true, type: true, at: true } });
  return rows.map((row) => `${row.kind} ${row.type} ${row.at.toISOString()}`);
}

async function policy(storeId: string, data: { firstResponseSeconds?: number; resolutionSeconds?: number; nextResponseSeconds?: number; warnAtShare?: number; businessHours?: object }) {
  await db().slaPolicy.create({
    data: { storeId, name: "Policy", firstResponseSeconds: 600, resolutionSeconds: 3600, ...data },
    select: { id: true },
  });
}

describe("runSlaSweep: warnings, breaches, met", () => {
  it("warns at the policy's share, records the breach at the due time once, and sets the flag", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 600, warnAtShare: 0.5 });
    const { ticket } = await createTicket(store.id, { now: T0 });

    expect(await runSlaSweep(db(), { storeId: store.id, now: at(4) })).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(5) })).toMatchObject({ warnings: 1, breaches: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(6) })).toMatchObject({ warnings: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(11) })).toMatchObject({ breaches: 1 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(12) })).toMatchObject({ warnings: 0, breaches: 0, escalations: 0 });

    expect(await events(ticket.id)).toEqual([`FIRST_RESPONSE WARNING ${at(5).toISOString()}`, `FIRST_RESPONSE BREACH ${at(10).toISOString()}`]);
    const row = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { firstResponseBreached: true, resolutionBreached: true, status: true } });
    expect(row).toEqual({ firstResponseBreached: true, resolutionBreached: false, status: "AWAITING_AGENT" });
  });

  it("records a met target when the reply came in time, and a late reply as a breach", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 600, resolutionSeconds: 3600 });
    const agent = await createUser(store.id);
    const onTime = await createTicket(store.id, { now: T0 });
    const late = await createTicket(store.id, { now: T0 });
    await addReply(db(), { storeId: store.id, ticketId: onTime.ticket.id, body: "On it", actorId: agent.id, now: at(3) });
    // Answered after the due time, before any sweep noticed the breach.
    await addReply(db(), { storeId: store.id, ticketId: late.ticket.id, body: "Sorry", actorId: agent.id, now: at(15) });
    await transitionTicket(db(), { storeId: store.id, ticketId: onTime.ticket.id, to: "RESOLVED", actorId: agent.id, now: at(20) });

    const result = await runSlaSweep(db(), { storeId: store.id, now: at(21) });
    expect(result).toMatchObject({ met: 2, breaches: 1 });
    expect(await events(onTime.ticket.id)).toEqual([`FIRST_RESPONSE MET ${at(3).toISOString()}`, `RESOLUTION MET ${at(20).toISOString()}`]);
    expect(await events(late.ticket.id)).toEqual([`FIRST_RESPONSE BREACH ${at(10).toISOString()}`]);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: late.ticket.id }, select: { firstResponseBreached: true } })).firstResponseBreached).toBe(true);
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(22) })).toMatchObject({ met: 0, breaches: 0 });
  });

  it("never breaches while waiting on the customer, and gives the waited time back", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 600 });
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { now: T0 });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "WAITING_ON_CUSTOMER", actorId: agent.id, now: at(2) });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(30) })).toMatchObject({ breaches: 0, warnings: 0 });
    // 28 minutes waiting: the first-response due time moves from 10:10 to 10:38.
    const back = await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "AWAITING_AGENT", actorId: agent.id, now: at(30) });
    expect(back.ticket.firstResponseDueAt).toBe(at(38).toISOString());
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(37) })).toMatchObject({ breaches: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(38) })).toMatchObject({ breaches: 1 });
  });

  it("runs the clocks in business hours only", async () => {
    const store = await createStore({ timeZone: "Europe/Berlin" });
    const hours = { start: "09:00", end: "17:00" };
    await policy(store.id, { firstResponseSeconds: 2 * 3600, resolutionSeconds: 40 * 3600, warnAtShare: 0.75, businessHours: { days: { mon: [hours], tue: [hours], wed: [hours], thu: [hours], fri: [hours] } } });
    // Friday 2026-05-08 16:00 in Berlin (14:00Z): 1 h left today, 1 h on Monday → due Monday 10:00 (08:00Z).
    const { ticket } = await createTicket(store.id, { now: new Date("2026-05-08T14:00:00Z") });
    expect(ticket.firstResponseDueAt).toBe("2026-05-11T08:00:00.000Z");
    // Saturday: half the target used, nothing at risk yet (the weekend does not count).
    expect(await runSlaSweep(db(), { storeId: store.id, now: new Date("2026-05-09T12:00:00Z") })).toMatchObject({ warnings: 0, breaches: 0 });
    // Monday 09:30 Berlin: 1.5 h of 2 used → warned.
    expect(await runSlaSweep(db(), { storeId: store.id, now: new Date("2026-05-11T07:30:00Z") })).toMatchObject({ warnings: 1, breaches: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: new Date("2026-05-11T08:00:00Z") })).toMatchObject({ breaches: 1 });
  });

  it("tracks the next response: a customer message after the reply starts it, the next reply stops it", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 3600, resolutionSeconds: 86_400, nextResponseSeconds: 600 });
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Hello", actorId: agent.id });
    const reply = await db().message.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "OUTBOUND" }, select: { createdAt: true } });
    const customerWrote = new Date(reply.createdAt.getTime() + 1000);
    await db().message.create({ data: { storeId: store.id, ticketId: ticket.id, kind: "INBOUND", channel: "WEB", body: "Any news?", createdAt: customerWrote } });
    const due = new Date(customerWrote.getTime() + 600_000);
    expect(await runSlaSweep(db(), { storeId: store.id, now: new Date(due.getTime() - 60_000) })).toMatchObject({ warnings: 1, breaches: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: due })).toMatchObject({ breaches: 1 });
    expect(await events(ticket.id)).toContain(`NEXT_RESPONSE BREACH ${due.toISOString()}`);
    // The agent answers: no next-response clock runs any more, nothing new is recorded.
    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Shipped today", actorId: agent.id });
    expect(await runSlaSweep(db(), { storeId: store.id, now: new Date(due.getTime() + 3600_000) })).toMatchObject({ warnings: 0, breaches: 0 });
  });

  it("measures a ticket against the target it was created with, even after the policy changes", async () => {
    const store = await createStore();
    const created = await db().slaPolicy.create({ data: { storeId: store.id, name: "Short", firstResponseSeconds: 600, resolutionSeconds: 3600, warnAtShare: 0.8 } });
    const { ticket } = await createTicket(store.id, { now: T0 });
    // The policy becomes a day-long one: the ticket keeps its 10-minute due time and is not "at risk" at once.
    await db().slaPolicy.update({ where: { id: created.id }, data: { firstResponseSeconds: 86_400, resolutionSeconds: 86_400 } });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(5) })).toMatchObject({ warnings: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(8) })).toMatchObject({ warnings: 1 });
    expect(await events(ticket.id)).toEqual([`FIRST_RESPONSE WARNING ${at(8).toISOString()}`]);
  });

  it("keeps stores apart", async () => {
    const store = await createStore();
    const other = await createStore();
    await policy(store.id, { firstResponseSeconds: 60 });
    const mine = await createTicket(store.id, { now: T0 });
    const theirs = await createTicket(other.id, { now: T0 });
    await runSlaSweep(db(), { storeId: store.id, now: at(120) });
    expect(await events(mine.ticket.id)).toHaveLength(2);
    expect(await events(theirs.ticket.id)).toEqual([]);
  });
});

describe("runSlaSweep: escalation", () => {
  it("escalates a breached ticket to the level-2 team, handing it to its least-loaded member", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 600 });
    const level2 = await createTeam(store.id, { name: "Escalations", level: 2 });
    await db().escalationPolicy.create({ data: { storeId: store.id, name: "Breach", thresholdShare: 1, targetTeamId: level2.id } });
    const ada = await createOnlineAgent(store.id, { name: "Ada" });
    const expert = await createOnlineAgent(store.id, { name: "Expert", teamId: level2.id });
    const { ticket } = await createTicket(store.id, { now: T0 });
    expect(ticket.assignee?.id).toBe(ada.id);

    expect(await runSlaSweep(db(), { storeId: store.id, now: at(9) })).toMatchObject({ escalations: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(10) })).toMatchObject({ breaches: 1, escalations: 1 });
    const escalated = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true, teamId: true, assigneeId: true } });
    expect(escalated).toEqual({ status: "ESCALATED", teamId: level2.id, assigneeId: expert.id });
    const thread = await db().message.findMany({ where: { ticketId: ticket.id, kind: "ACTIVITY" }, orderBy: { createdAt: "asc" }, select: { body: true, meta: true } });
    expect(thread.map((entry) => entry.body)).toEqual(
      expect.arrayContaining(["Moved to team Escalations (escalated)", "Reassigned from Ada to Expert", "Status changed from Agent Assigned to Escalated"]),
    );
    expect(thread.at(-1)?.meta).toMatchObject({ reason: "SLA first response target: escalated by policy “Breach”" });
    // Once escalated, later passes leave it alone.
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(30) })).toMatchObject({ escalations: 0 });
  });

  it("escalates into the team's queue when no level-2 member has room, and by category threshold before a breach", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 600, resolutionSeconds: 6000 });
    const level2 = await createTeam(store.id, { name: "Level 2", level: 2 });
    await db().escalationPolicy.createMany({
      data: [
        { storeId: store.id, name: "Refunds early", category: "refund", thresholdShare: 0.5 },
        { storeId: store.id, name: "Everything else", thresholdShare: 1.5 },
      ],
    });
    const refund = await createTicket(store.id, { category: "Refund", now: T0 });
    const other = await createTicket(store.id, { category: "shipping", now: T0 });

    expect(await runSlaSweep(db(), { storeId: store.id, now: at(5) })).toMatchObject({ escalations: 1, breaches: 0 });
    expect(await db().ticket.findUniqueOrThrow({ where: { id: refund.ticket.id }, select: { status: true, teamId: true, assigneeId: true } })).toEqual({
      status: "ESCALATED",
      teamId: level2.id,
      assigneeId: null,
    });
    // The catch-all waits until half a target past the due time.
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(14) })).toMatchObject({ escalations: 0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(15) })).toMatchObject({ escalations: 1 });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: other.ticket.id }, select: { status: true } })).status).toBe("ESCALATED");
  });

  it("ignores disabled policies", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 60 });
    await db().escalationPolicy.create({ data: { storeId: store.id, name: "Off", thresholdShare: 1, enabled: false } });
    const { ticket } = await createTicket(store.id, { now: T0 });
    expect(await runSlaSweep(db(), { storeId: store.id, now: at(10) })).toMatchObject({ escalations: 0, breaches: 1 });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).status).toBe("AWAITING_AGENT");
  });
});

describe("runSlaSweep: live", () => {
  let httpServer: HttpServer;
  let realtime: RealtimeHandle;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    httpServer = createServer();
    realtime = await createRealtimeServer(httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    socket?.disconnect();
    await realtime.close();
  });

  it("publishes the warning, the breach and the escalated ticket to the store's sockets", async () => {
    const store = await createStore();
    await policy(store.id, { firstResponseSeconds: 600, warnAtShare: 0.5 });
    await createTeam(store.id, { name: "Level 2", level: 2 });
    await db().escalationPolicy.create({ data: { storeId: store.id, name: "Breach", thresholdShare: 1 } });
    const supervisor = await createUser(store.id, { role: "SUPERVISOR", name: "Sam" });
    const cookie = await sessionCookieFor({ id: supervisor.id, storeId: store.id, role: "SUPERVISOR", name: "Sam" });
    socket = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    const received: SlaEventPayload[] = [];
    const updates: string[] = [];
    socket.on("sla:event", (event) => received.push(event));
    socket.on("ticket:updated", ({ ticket }) => updates.push(ticket.status));

    const dispatcher = startTestDispatcher({ storeIds: [store.id], io: realtime.io });
    onTestFinished(() => dispatcher.stop());
    const { ticket } = await createTicket(store.id, { now: T0 });
    await runSlaSweep(db(), { storeId: store.id, now: at(6) });
    await runSlaSweep(db(), { storeId: store.id, now: at(11) });
    await expect.poll(() => received.map((event) => event.type)).toEqual(["WARNING", "BREACH", "ESCALATED"]);
    expect(received[0]).toMatchObject({ ticketId: ticket.id, ticketNumber: ticket.number, kind: "FIRST_RESPONSE" });
    await expect.poll(() => updates).toContain("ESCALATED");
  });
});
