import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { addNote } from "./add-note.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

describe("addNote", () => {
  it("adds an internal note with no delivery, no SLA effect and no status change", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { body: "Customer message" });
    const before = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id } });

    const note = await addNote(db(), { storeId: store.id, ticketId: ticket.id, body: "VIP, be quick", actorId: agent.id });
    expect(note).toMatchObject({ kind: "NOTE", channel: "INTERNAL", deliveryStatus: null, body: "VIP, be quick", author: { id: agent.id } });

    const after = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after).toEqual(before);
  });

  it("refuses notes on closed tickets and other stores' tickets", async () => {
    const store = await createStore();
    const other = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id);
    await expect(addNote(db(), { storeId: other.id, ticketId: ticket.id, body: "x", actorId: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await transitionTicket(db(), { storeId: store.id, ticketId: ticket.id, to: "CLOSED" });
    await expect(addNote(db(), { storeId: store.id, ticketId: ticket.id, body: "x", actorId: agent.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
