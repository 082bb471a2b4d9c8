import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { readMessageDtoRows } from "./read-message-dto-rows.ts";
import { messageDtoSelect, toMessageDto } from "./ticket-dto.ts";

describe("readMessageDtoRows", () => {
  it("reads each message as messageDtoSelect does: with and without an author, attachments, meta, delivery and edit times", async () => {
    const store = await createStore();
    const other = await createStore();
    const agent = await createUser(store.id, { name: "Ada" });
    const { ticket } = await createTicket(store.id);
    const base = { storeId: store.id, ticketId: ticket.id };
    const written = await Promise.all([
      db().message.create({ data: { ...base, kind: "NOTE", channel: "INTERNAL", body: "a note", authorId: agent.id, meta: { from: "OPEN", to: "PENDING" } }, select: { id: true } }),
      db().message.create({
        data: {
          ...base,
          kind: "INBOUND",
          channel: "TELEGRAM",
          body: "a photo",
          attachments: [{ kind: "photo", fileId: "f1", name: "é.jpg" }],
          editedAt: new Date("2026-12-01T10:00:00.123Z"),
        },
        select: { id: true },
      }),
      db().message.create({ data: { ...base, kind: "OUTBOUND", channel: "TELEGRAM", body: "a reply", authorId: agent.id, deliveryStatus: "FAILED", deliveryError: "blocked" }, select: { id: true } }),
    ]);
    const ids = written.map((row) => row.id);

    const raw = await readMessageDtoRows(db(), store.id, ids);
    const prisma = await db().message.findMany({ where: { storeId: store.id, id: { in: ids } }, select: messageDtoSelect });
    const byId = (rows: typeof prisma) => rows.map(toMessageDto).sort((a, b) => a.id.localeCompare(b.id));
    expect(raw).toHaveLength(3);
    expect(byId(raw)).toEqual(byId(prisma));

    // Another store's id reads nothing.
    expect(await readMessageDtoRows(db(), other.id, ids)).toEqual([]);
  });
});
