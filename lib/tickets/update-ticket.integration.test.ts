import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { addReply } from "./add-reply.ts";
import { updateTicket } from "./update-ticket.ts";

const T0 = new Date("2026-02-02T09:00:00.000Z");
const iso = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

describe("updateTicket", () => {
  it("changes fields in one activity entry", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { subject: "Old" });
    const { ticket: updated, messages } = await updateTicket(db(), {
      storeId: store.id,
      ticketId: ticket.id,
      actorId: agent.id,
      patch: { subject: "New", category: "shipping", tags: ["late", "late", "dhl"], priority: "HIGH" },
    });
    expect(updated).toMatchObject({ subject: "New", category: "shipping", tags: ["late", "dhl"], priority: "HIGH", status: "AWAITING_AGENT" });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toBe("Subject changed; Category changed; Tags changed; Priority changed from Normal to High");
    expect(messages[0]?.meta).toMatchObject({ type: "fields", changes: { priority: { from: "NORMAL", to: "HIGH" } } });
  });

  it("writes nothing when nothing changes", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { subject: "Same", tags: ["a"] });
    const result = await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { subject: "Same", tags: ["a"], status: "AWAITING_AGENT" } });
    expect(result.messages).toEqual([]);
  });

  it("recomputes open SLA clocks when the priority changes", async () => {
    const store = await createStore();
    await db().slaPolicy.create({ data: { storeId: store.id, name: "Urgent", priority: "URGENT", firstResponseSeconds: 15 * 60, resolutionSeconds: 240 * 60 } });
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { now: T0 });
    const urgent = await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { priority: "URGENT" } });
    expect(urgent.ticket.firstResponseDueAt).toBe(iso(15));
    expect(urgent.ticket.resolutionDueAt).toBe(iso(240));

    // Once answered, the first-response due time stays what it was measured against.
    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "hi", actorId: agent.id });
    const low = await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { priority: "LOW" } });
    expect(low.ticket.firstResponseDueAt).toBe(iso(15));
    expect(low.ticket.resolutionDueAt).toBe(iso(24 * 60));
  });

  it("sends the status through the transition, with the assignee in the same change", async () => {
    const store = await createStore();
    const ada = await createUser(store.id, { name: "Ada" });
    const { ticket } = await createTicket(store.id);
    await expect(updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { status: "AGENT_ASSIGNED" } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    const assigned = await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { status: "AGENT_ASSIGNED", assigneeId: ada.id } });
    expect(assigned.ticket).toMatchObject({ status: "AGENT_ASSIGNED", assignee: { id: ada.id } });
    expect(assigned.messages.map((message) => message.body)).toEqual(["Assigned to Ada", "Status changed from Awaiting Agent to Agent Assigned"]);

    await expect(updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { status: "OPEN" } })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { status: "AGENT_ASSIGNED", assigneeId: null } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("moves the status with an assignee change alone, like assignTicket", async () => {
    const store = await createStore();
    const ada = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    expect((await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { assigneeId: ada.id } })).ticket.status).toBe("AGENT_ASSIGNED");
    expect((await updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { assigneeId: null } })).ticket.status).toBe("AWAITING_AGENT");
  });

  it("rolls the whole update back when the status move is refused", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { subject: "Keep me" });
    await expect(updateTicket(db(), { storeId: store.id, ticketId: ticket.id, patch: { subject: "Lost", status: "OPEN" } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { subject: true } })).subject).toBe("Keep me");
  });

  it("does not touch another store's ticket", async () => {
    const store = await createStore();
    const other = await createStore();
    const { ticket } = await createTicket(store.id);
    await expect(updateTicket(db(), { storeId: other.id, ticketId: ticket.id, patch: { subject: "Hacked" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
