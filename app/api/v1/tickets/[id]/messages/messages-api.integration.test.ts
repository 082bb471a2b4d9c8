import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import type { MessageEditDto } from "@/lib/tickets/list-message-edits.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import * as editsRoute from "./[messageId]/edits/route.ts";
import * as messagesRoute from "./route.ts";

// POST /tickets/:id/messages with the collision check (lastSeenMessageId, sendAnyway), and
// GET /tickets/:id/messages/:messageId/edits, through the real handlers and a real database.

type Caller = Awaited<ReturnType<typeof apiCallerFor>>;
type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type PostReply = { message: MessageDto } & ErrorBody;

let store: TestStore;
let otherStore: TestStore;
let ada: TestUser;
let ben: TestUser;
let asAda: Caller;
let asBen: Caller;
let asOtherStore: Caller;

function post(call: Caller, ticketId: string, body: unknown) {
  return call<PostReply, { id: string }>(messagesRoute.POST, `/tickets/${ticketId}/messages`, { body, params: { id: ticketId } });
}

function edits(call: Caller, ticketId: string, messageId: string) {
  return call<{ edits: MessageEditDto[] } & ErrorBody, { id: string; messageId: string }>(editsRoute.GET, `/tickets/${ticketId}/messages/${messageId}/edits`, {
    params: { id: ticketId, messageId },
  });
}

async function lastMessageId(ticketId: string): Promise<string> {
  const last = await db().message.findFirstOrThrow({ where: { ticketId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  return last.id;
}

async function repliesBy(ticketId: string, authorId: string): Promise<string[]> {
  const rows = await db().message.findMany({ where: { ticketId, kind: "OUTBOUND", authorId }, orderBy: { createdAt: "asc" }, select: { body: true } });
  return rows.map((row) => row.body);
}

async function customerTicket() {
  const customer = await createCustomer(store.id);
  const { ticket } = await createTicket(store.id, { customerId: customer.id, body: "Where is my parcel?" });
  return ticket;
}

beforeAll(async () => {
  store = await createStore();
  otherStore = await createStore();
  ada = await createUser(store.id, { name: "Ada Agent" });
  ben = await createUser(store.id, { name: "Ben Agent" });
  asAda = await apiCallerFor(ada);
  asBen = await apiCallerFor(ben);
  asOtherStore = await apiCallerFor(await createUser(otherStore.id, { role: "ADMIN" }));
});

describe("a reply sent after someone else replied", () => {
  it("is refused with 409 and the newer reply when the agent names the last entry they saw; nothing is sent", async () => {
    const ticket = await customerTicket();
    const seen = await lastMessageId(ticket.id);
    expect((await post(asBen, ticket.id, { kind: "reply", body: "Ben: it left the warehouse today." })).status).toBe(201);

    const refused = await post(asAda, ticket.id, { kind: "reply", body: "Ada: let me check for you.", lastSeenMessageId: seen });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("CONFLICT");
    expect(refused.body.error.message).toContain("Ben Agent replied");
    const { newerReplies } = refused.body.error.details as { newerReplies: MessageDto[] };
    expect(newerReplies.map((reply) => [reply.author?.name, reply.body])).toEqual([["Ben Agent", "Ben: it left the warehouse today."]]);
    expect(await repliesBy(ticket.id, ada.id)).toEqual([]);
  });

  it("goes out with sendAnyway, and once the agent has seen the newer reply", async () => {
    const ticket = await customerTicket();
    const seen = await lastMessageId(ticket.id);
    const bens = await post(asBen, ticket.id, { kind: "reply", body: "Ben: it left the warehouse today." });

    const anyway = await post(asAda, ticket.id, { kind: "reply", body: "Ada: anyway.", lastSeenMessageId: seen, sendAnyway: true });
    expect(anyway.status).toBe(201);
    expect(anyway.body.message).toMatchObject({ kind: "OUTBOUND", body: "Ada: anyway.", author: { id: ada.id } });
    const reviewed = await post(asAda, ticket.id, { kind: "reply", body: "Ada: after reading Ben's.", lastSeenMessageId: bens.body.message.id });
    expect(reviewed.status).toBe(201);
    expect(await repliesBy(ticket.id, ada.id)).toEqual(["Ada: anyway.", "Ada: after reading Ben's."]);
  });

  it("goes out as before for clients that send no lastSeenMessageId", async () => {
    const ticket = await customerTicket();
    await post(asBen, ticket.id, { kind: "reply", body: "Ben first." });
    const old = await post(asAda, ticket.id, { kind: "reply", body: "Ada, from an old client." });
    expect(old.status).toBe(201);
    expect(await repliesBy(ticket.id, ada.id)).toEqual(["Ada, from an old client."]);
  });

  it("is not held up by others' notes, automatic replies, or the agent's own replies", async () => {
    const ticket = await customerTicket();
    const seen = await lastMessageId(ticket.id);
    expect((await post(asBen, ticket.id, { kind: "note", body: "Ben's note: courier is late." })).status).toBe(201);
    await addReply(db(), { storeId: store.id, ticketId: ticket.id, body: "Your order has shipped.", actorId: null });
    expect((await post(asAda, ticket.id, { kind: "reply", body: "Ada one.", lastSeenMessageId: seen })).status).toBe(201);
    expect((await post(asAda, ticket.id, { kind: "reply", body: "Ada two.", lastSeenMessageId: seen })).status).toBe(201);
  });

  it("with lastSeenMessageId null (an empty thread seen) is refused when anyone else replied", async () => {
    const { ticket } = await createTicket(store.id, { customerId: (await createCustomer(store.id)).id });
    await post(asBen, ticket.id, { kind: "reply", body: "Ben, on an empty thread." });
    const refused = await post(asAda, ticket.id, { kind: "reply", body: "Ada.", lastSeenMessageId: null });
    expect(refused.status).toBe(409);
    expect((refused.body.error.details as { newerReplies: MessageDto[] }).newerReplies).toHaveLength(1);
  });

  it("answers 422 for a last-seen id that is not a message of this ticket, or not an id", async () => {
    const ticket = await customerTicket();
    const elsewhere = await lastMessageId((await customerTicket()).id);
    const { ticket: foreign } = await createTicket(otherStore.id, { body: "other store" });
    for (const lastSeenMessageId of [elsewhere, await lastMessageId(foreign.id), "not-a-uuid", 42]) {
      const reply = await post(asAda, ticket.id, { kind: "reply", body: "Ada.", lastSeenMessageId });
      expect(reply.status, JSON.stringify(reply.body)).toBe(422);
      expect(reply.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await repliesBy(ticket.id, ada.id)).toEqual([]);
  });

  it("answers 404 for another store's ticket, whatever the last-seen id", async () => {
    const ticket = await customerTicket();
    const refused = await post(asOtherStore, ticket.id, { kind: "reply", body: "B.", lastSeenMessageId: await lastMessageId(ticket.id) });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("NOT_FOUND");
  });
});

describe("the earlier versions of an edited message", () => {
  async function editedMessage(ticketId: string, kind: "INBOUND" | "NOTE", versions: Array<{ body: string; editedAt: string }>, current: string) {
    return db().message.create({
      data: {
        storeId: store.id,
        ticketId,
        kind,
        channel: kind === "NOTE" ? "INTERNAL" : "TELEGRAM",
        authorId: kind === "NOTE" ? ada.id : null,
        body: current,
        createdAt: new Date("2026-12-01T10:00:00.000Z"),
        editedAt: versions.length ? new Date(versions.at(-1)!.editedAt) : null,
        // As lib/telegram/handle-edited-message.ts stores them: oldest first, each with when it was replaced.
        editHistory: versions.map((version) => ({ ...version, attachments: [] })) as unknown as Prisma.InputJsonArray,
      },
      select: { id: true },
    });
  }

  it("lists them newest first, each with when it was written and when it was replaced", async () => {
    const ticket = await customerTicket();
    const message = await editedMessage(
      ticket.id,
      "INBOUND",
      [
        { body: "The box is damged", editedAt: "2026-12-01T10:01:00.000Z" },
        { body: "The box is damaged", editedAt: "2026-12-01T10:05:00.000Z" },
      ],
      "The box is damaged and wet",
    );
    const reply = await edits(asBen, ticket.id, message.id);
    expect(reply.status).toBe(200);
    expect(reply.body.edits).toEqual([
      { body: "The box is damaged", attachments: [], writtenAt: "2026-12-01T10:01:00.000Z", replacedAt: "2026-12-01T10:05:00.000Z" },
      { body: "The box is damged", attachments: [], writtenAt: "2026-12-01T10:00:00.000Z", replacedAt: "2026-12-01T10:01:00.000Z" },
    ]);
  });

  it("answers an empty list for a message never edited, and skips malformed stored entries", async () => {
    const ticket = await customerTicket();
    expect((await edits(asAda, ticket.id, await lastMessageId(ticket.id))).body.edits).toEqual([]);
    const message = await editedMessage(ticket.id, "INBOUND", [{ body: "kept", editedAt: "2026-12-01T10:02:00.000Z" }], "now");
    await db().message.update({ where: { id: message.id }, data: { editHistory: [{ body: 5 }, "junk", { body: "kept", editedAt: "2026-12-01T10:02:00.000Z" }, { body: "no date" }] } });
    expect((await edits(asAda, ticket.id, message.id)).body.edits.map((edit) => edit.body)).toEqual(["kept"]);
  });

  it("shows an internal note's history to the store's agents, and nothing of either to another store (404)", async () => {
    const ticket = await customerTicket();
    const note = await editedMessage(ticket.id, "NOTE", [{ body: "Refund approved (draft)", editedAt: "2026-12-01T10:03:00.000Z" }], "Refund approved");
    const inbound = await editedMessage(ticket.id, "INBOUND", [{ body: "secret first words", editedAt: "2026-12-01T10:03:00.000Z" }], "words");
    expect((await edits(asBen, ticket.id, note.id)).body.edits.map((edit) => edit.body)).toEqual(["Refund approved (draft)"]);

    for (const messageId of [note.id, inbound.id]) {
      const foreign = await edits(asOtherStore, ticket.id, messageId);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error).toEqual({ code: "NOT_FOUND", message: "Message not found" });
      expect(JSON.stringify(foreign.body)).not.toContain("secret first words");
    }
  });

  it("answers 404 for a message of another ticket, and for ids that are not ids", async () => {
    const ticket = await customerTicket();
    const other = await customerTicket();
    const message = await editedMessage(other.id, "INBOUND", [{ body: "elsewhere", editedAt: "2026-12-01T10:03:00.000Z" }], "now");
    for (const [ticketId, messageId] of [
      [ticket.id, message.id],
      [ticket.id, "not-a-uuid"],
      ["not-a-uuid", message.id],
      [ticket.id, ticket.id],
    ] as const) {
      const reply = await edits(asAda, ticketId, messageId);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe("NOT_FOUND");
    }
  });
});
