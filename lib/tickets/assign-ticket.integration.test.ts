import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { assignTicket } from "./assign-ticket.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

describe("assignTicket", () => {
  it("moves a queued ticket to Agent Assigned and back to Awaiting Agent when unassigned", async () => {
    const store = await createStore();
    const ada = await createUser(store.id, { name: "Ada" });
    const ben = await createUser(store.id, { name: "Ben" });
    const { ticket } = await createTicket(store.id);

    const assigned = await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id, actorId: ben.id });
    expect(assigned.ticket).toMatchObject({ status: "AGENT_ASSIGNED", assignee: { id: ada.id, name: "Ada" } });
    expect(assigned.messages.map((message) => message.body)).toEqual(["Assigned to Ada", "Status changed from Awaiting Agent to Agent Assigned"]);

    const reassigned = await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ben.id });
    expect(reassigned.ticket).toMatchObject({ status: "AGENT_ASSIGNED", assignee: { id: ben.id } });
    expect(reassigned.messages.map((message) => message.body)).toEqual(["Reassigned from Ada to Ben"]);

    const unassigned = await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: null });
    expect(unassigned.ticket).toMatchObject({ status: "AWAITING_AGENT", assignee: null });
    expect(unassigned.messages.map((message) => message.body)).toEqual(["Unassigned from Ben", "Status changed from Agent Assigned to Awaiting Agent"]);
  });

  it("keeps the status of a waiting or resolved ticket", async () => {
    const store = await createStore();
    const ada = await createUser(store.id);
    for (const status of ["WAITING_ON_CUSTOMER", "RESOLVED"] as const) {
      const { ticket } = await createTicket(store.id);
      await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: status });
      expect((await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id })).ticket.status).toBe(status);
      expect((await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: null })).ticket.status).toBe(status);
    }
  });

  it("sends a worked ticket back to the queue when its agent is removed", async () => {
    const store = await createStore();
    const ada = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "ESCALATED" });
    const result = await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: null });
    expect(result.ticket).toMatchObject({ status: "AWAITING_AGENT", assignee: null });
  });

  it("is a no-op for the current assignee", async () => {
    const store = await createStore();
    const ada = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id });
    expect((await assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id })).messages).toEqual([]);
  });

  it("refuses another store's user, a disabled user, a closed ticket and another store's ticket", async () => {
    const store = await createStore();
    const other = await createStore();
    const outsider = await createUser(other.id);
    const disabled = await createUser(store.id, { disabledAt: new Date() });
    const ada = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await expect(assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: outsider.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: disabled.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(assignTicket(db(), { storeId: other.id, ticketId: ticket.id, assigneeId: outsider.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unchanged = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true, assigneeId: true } });
    expect(unchanged).toEqual({ status: "AWAITING_AGENT", assigneeId: null });

    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "CLOSED" });
    await expect(assignTicket(db(), { storeId: store.id, ticketId: ticket.id, assigneeId: ada.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
