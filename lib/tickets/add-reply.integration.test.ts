import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { addReply } from "./add-reply.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

const T0 = new Date("2026-02-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function ticketRow(id: string) {
  return db().ticket.findUniqueOrThrow({ where: { id }, select: { status: true, firstResponseAt: true, lastMessageAt: true } });
}

describe("addReply", () => {
  it("queues an outbound web reply and stamps the first response once", async () => {
    const store = await createStore();
    const agent = await createUser(store.id, { name: "Ada" });
    const { ticket } = await createTicket(store.id, { customer: { email: "web@example.com" }, now: T0 });

    const first = await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Looking into it", actorId: agent.id, now: at(5) });
    expect(first).toMatchObject({
      kind: "OUTBOUND",
      channel: "WEB",
      deliveryStatus: "QUEUED",
      body: "Looking into it",
      author: { id: agent.id, name: "Ada" },
    });
    expect(await ticketRow(ticket.id)).toEqual({ status: "IN_PROGRESS", firstResponseAt: at(5), lastMessageAt: at(5) });

    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Found it", actorId: agent.id, now: at(9) });
    expect(await ticketRow(ticket.id)).toEqual({ status: "IN_PROGRESS", firstResponseAt: at(5), lastMessageAt: at(9) });
  });

  it("stamps the first response only once under concurrent replies", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await Promise.all(Array.from({ length: 6 }, (_, i) => addReply(db(), { storeId: store.id, ticketId: ticket.id, body: `r${i}`, actorId: agent.id })));
    const replies = await db().message.findMany({ where: { ticketId: ticket.id, kind: "OUTBOUND" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true } });
    expect(replies).toHaveLength(6);
    const { firstResponseAt } = await ticketRow(ticket.id);
    expect(firstResponseAt).not.toBeNull();
    expect(firstResponseAt!.getTime()).toBeLessThanOrEqual(replies[0]!.createdAt.getTime() + 1000);
    // One move to In Progress, not six.
    expect(await db().message.count({ where: { ticketId: ticket.id, kind: "ACTIVITY" } })).toBe(2);
  });

  it("goes out on Telegram when the customer has a Telegram identity", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const customer = await createCustomer(store.id, { telegramChatId: "123456789" });
    const { ticket } = await createTicket(store.id, { customerId: customer.id, source: "TELEGRAM", body: "hi" });
    const reply = await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Hello!", actorId: agent.id });
    expect(reply.channel).toBe("TELEGRAM");
  });

  it("moves a priority-queue ticket to In Progress, but leaves working and waiting tickets alone", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const queued = await createTicket(store.id);
    await transitionTicket(db(), { storeId: store.id, ticketId: queued.ticket.id, to: "PRIORITY_QUEUE" });
    await addReply(db(), { storeId: store.id, ticketId: queued.ticket.id, body: "On it", actorId: agent.id });
    expect((await ticketRow(queued.ticket.id)).status).toBe("IN_PROGRESS");

    for (const status of ["ESCALATED", "WAITING_ON_CUSTOMER", "RESOLVED"] as const) {
      const { ticket } = await createTicket(store.id);
      await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: status });
      await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Update", actorId: agent.id });
      expect((await ticketRow(ticket.id)).status).toBe(status);
    }
  });

  it("does not move the status or stop the first-response clock for a system reply (no actor)", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id);
    const reply = await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Your parcel shipped", actorId: null });
    expect(reply.author).toBeNull();
    const row = await ticketRow(ticket.id);
    expect(row.status).toBe("AWAITING_AGENT");
    expect(row.firstResponseAt).toBeNull();
  });

  it("refuses a reply on a closed ticket and on another store's ticket", async () => {
    const store = await createStore();
    const other = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await expect(addReply(db(), { storeId: other.id, ticketId: ticket.id, body: "x", actorId: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "CLOSED" });
    await expect(addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "x", actorId: agent.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().message.count({ where: { ticketId: ticket.id, kind: "OUTBOUND" } })).toBe(0);
  });
});
