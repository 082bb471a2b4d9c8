import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { addNote } from "./add-note.ts";
import { addReply } from "./add-reply.ts";
import { getTicket } from "./get-ticket.ts";

describe("getTicket", () => {
  it("returns the ticket, its thread in order and its sub-tickets", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { body: "Where is it?" });
    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Checking", actorId: agent.id });
    await addNote(db(), { storeId: store.id, ticketId: ticket.id, body: "Carrier says lost", actorId: agent.id });
    const sub = await createTicket(store.id, { subject: "Return label", parentTicketId: ticket.id });

    const detail = await getTicket(db(), { storeId: store.id, ticketId: ticket.id });
    expect(detail.ticket.id).toBe(ticket.id);
    expect(detail.ticket.status).toBe("IN_PROGRESS");
    expect(detail.messages.map((message) => [message.kind, message.body])).toEqual([
      ["INBOUND", "Where is it?"],
      ["ACTIVITY", "Status changed from Open to Awaiting Agent"],
      ["OUTBOUND", "Checking"],
      ["ACTIVITY", "Status changed from Awaiting Agent to In Progress"],
      ["NOTE", "Carrier says lost"],
    ]);
    expect(detail.subTickets).toEqual([
      { id: sub.ticket.id, number: sub.ticket.number, subject: "Return label", status: "AWAITING_AGENT", updatedAt: sub.ticket.updatedAt },
    ]);
  });

  it("answers not found for another store's ticket or a malformed id", async () => {
    const store = await createStore();
    const other = await createStore();
    const { ticket } = await createTicket(store.id);
    await expect(getTicket(db(), { storeId: other.id, ticketId: ticket.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTicket(db(), { storeId: store.id, ticketId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
