import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore, type TestUser } from "@/lib/testing/factories.ts";
import { assignTicket } from "./assign-ticket.ts";
import { listTickets, type TicketFilters } from "./list-tickets.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

async function all(storeId: string, filters: TicketFilters, actorId?: string) {
  const page = await listTickets(db(), { storeId, filters, actorId, limit: 100 });
  expect(page.nextCursor).toBeNull();
  return page.items.map((ticket) => ticket.subject).sort();
}

describe("listTickets", () => {
  let store: TestStore;
  let ada: TestUser;
  let ben: TestUser;

  beforeAll(async () => {
    store = await createStore();
    ada = await createUser(store.id);
    ben = await createUser(store.id);
    const team = await db().team.create({ data: { storeId: store.id, name: "Finance" }, select: { id: true } });
    const carol = await createCustomer(store.id);
    const a = await createTicket(store.id, { subject: "A refund for order", priority: "HIGH", tags: ["refund"], customerId: carol.id, bigcommerceOrderId: 101 });
    const b = await createTicket(store.id, { subject: "B parcel late", tags: ["shipping", "late"] });
    const c = await createTicket(store.id, { subject: "C Refund again", priority: "URGENT", customerId: carol.id });
    await createTicket(store.id, { subject: "D question" });
    await assignTicket(db(), { storeId: store.id, ticketId: a.ticket.id, assigneeId: ada.id });
    await assignTicket(db(), { storeId: store.id, ticketId: b.ticket.id, assigneeId: ben.id });
    await transitionTicket(db(), { storeId: store.id, ticketId: c.ticket.id, to: "RESOLVED" });
    await db().ticket.update({ where: { id: b.ticket.id }, data: { teamId: team.id } });
    // Noise in another store that no filter may return.
    const other = await createStore();
    await createTicket(other.id, { subject: "A refund elsewhere", tags: ["refund"], bigcommerceOrderId: 101 });
  });

  it("filters by status, one or many", async () => {
    expect(await all(store.id, { status: ["AGENT_ASSIGNED"] })).toEqual(["A refund for order", "B parcel late"]);
    expect(await all(store.id, { status: ["RESOLVED", "AWAITING_AGENT"] })).toEqual(["C Refund again", "D question"]);
  });

  it("filters by priority, assignee, team, tag, customer, order and subject", async () => {
    const team = await db().team.findFirstOrThrow({ where: { storeId: store.id }, select: { id: true } });
    const carol = await db().customer.findFirstOrThrow({ where: { storeId: store.id }, select: { id: true } });
    expect(await all(store.id, { priority: ["HIGH", "URGENT"] })).toEqual(["A refund for order", "C Refund again"]);
    expect(await all(store.id, { assigneeId: ada.id })).toEqual(["A refund for order"]);
    expect(await all(store.id, { assignee: "me" }, ben.id)).toEqual(["B parcel late"]);
    expect(await all(store.id, { assignee: "me" })).toEqual([]);
    expect(await all(store.id, { assignee: "none" })).toEqual(["C Refund again", "D question"]);
    expect(await all(store.id, { teamId: team.id })).toEqual(["B parcel late"]);
    expect(await all(store.id, { tag: "late" })).toEqual(["B parcel late"]);
    expect(await all(store.id, { customerId: carol.id })).toEqual(["A refund for order", "C Refund again"]);
    expect(await all(store.id, { bigcommerceOrderId: 101 })).toEqual(["A refund for order"]);
    expect(await all(store.id, { q: "REFUND" })).toEqual(["A refund for order", "C Refund again"]);
    expect(await all(store.id, { q: "refund", status: ["RESOLVED"] })).toEqual(["C Refund again"]);
    expect(await all(store.id, { assigneeId: "not-a-uuid" })).toEqual([]);
  });

  it("pages through 60 tickets with the cursor, newest change first, without gaps or repeats", async () => {
    const paged = await createStore();
    for (let i = 0; i < 60; i++) await createTicket(paged.id, { subject: `T${i}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listTickets(db(), { storeId: paged.id, cursor });
      expect(page.items.length).toBeLessThanOrEqual(25);
      seen.push(...page.items.map((ticket) => ticket.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(60);
    const order = await db().ticket.findMany({ where: { storeId: paged.id }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(order.map((ticket) => ticket.id));

    const small = await listTickets(db(), { storeId: paged.id, limit: 7 });
    expect(small.items).toHaveLength(7);
    expect(small.nextCursor).not.toBeNull();
  });

  it("refuses a forged cursor", async () => {
    await expect(listTickets(db(), { storeId: store.id, cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
