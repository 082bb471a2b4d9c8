import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { OPEN_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";
import { addNote } from "./add-note.ts";
import { findSlaRiskTicketIds } from "./find-sla-risk-ticket-ids.ts";
import { listTickets, type TicketFilters } from "./list-tickets.ts";
import { searchTicketIds } from "./search-ticket-ids.ts";
import { slaRisk } from "@/lib/ticket-lifecycle/sla-risk.ts";
import { getTicket } from "./get-ticket.ts";

describe("searchTicketIds", () => {
  let store: TestStore;
  const subjects = async (q: string) => {
    const page = await listTickets(db(), { storeId: store.id, filters: { q }, limit: 100 });
    return page.items.map((ticket) => ticket.subject).sort();
  };

  beforeAll(async () => {
    store = await createStore();
    const dana = await createCustomer(store.id, { name: "Dana Scully", email: "dana@fbi.example" });
    await createTicket(store.id, { subject: "Refund requested", body: "The blender arrived broken" });
    await createTicket(store.id, { subject: "Shipping question", body: "When will my parcels ship?", customerId: dana.id, bigcommerceOrderId: 4242 });
    const noted = await createTicket(store.id, { subject: "Something else" });
    await addNote(db(), { storeId: store.id, ticketId: noted.ticket.id, body: "Supplier confirmed the warranty claim", actorId: null });
    await createTicket((await createStore()).id, { subject: "Refund requested elsewhere", body: "broken blender" });
  });

  it("finds words in subjects and in customer messages, with stemming", async () => {
    expect(await subjects("refunds")).toEqual(["Refund requested"]);
    expect(await subjects("broken")).toEqual(["Refund requested"]);
    expect(await subjects("parcel shipped")).toEqual(["Shipping question"]);
  });

  it("finds words in internal notes, never in another store", async () => {
    expect(await subjects("warranty")).toEqual(["Something else"]);
    expect(await subjects("blender")).toEqual(["Refund requested"]);
  });

  it("supports phrases and exclusions (websearch syntax)", async () => {
    expect(await subjects('"arrived broken"')).toEqual(["Refund requested"]);
    expect(await subjects('"broken arrived"')).toEqual([]);
    expect(await subjects("question -shipping")).toEqual([]);
  });

  it("excludes a ticket that mentions a -word anywhere, not only where the other words are", async () => {
    // "refund" is in the subject, "blender" only in the customer's message.
    expect(await subjects("refund -blender")).toEqual([]);
    expect(await subjects('refund -"arrived broken"')).toEqual([]);
    expect(await subjects("refund -parcel")).toEqual(["Refund requested"]);
    // Found by the customer's email, left out for a word in its messages.
    expect(await subjects("dana@fbi")).toEqual(["Shipping question"]);
    expect(await subjects("dana@fbi -parcels")).toEqual([]);
    // The note's words count too; exclusions alone find nothing.
    expect(await subjects("else -warranty")).toEqual([]);
    expect(await subjects("-refund")).toEqual([]);
  });

  it("matches the ticket number, the order id and the customer's name or email", async () => {
    const [first] = (await listTickets(db(), { storeId: store.id, filters: {}, limit: 100 })).items.slice(-1);
    expect(await searchTicketIds(db(), store.id, `#${first!.number}`)).toContain(first!.id);
    expect(await subjects("4242")).toEqual(["Shipping question"]);
    expect(await subjects("scully")).toEqual(["Shipping question"]);
    expect(await subjects("dana@fbi")).toEqual(["Shipping question"]);
  });

  it("lists a ticket that matches in several ways once", async () => {
    // "shipping" is in the subject and (stemmed) in the customer's message of the same ticket.
    const ids = await searchTicketIds(db(), store.id, "shipping");
    expect(ids).toHaveLength(1);
    expect(await subjects("shipping")).toEqual(["Shipping question"]);
  });

  it("finds the same with the walk for common words as with the indexes for rare ones", async () => {
    for (const q of ["refund", "broken", '"arrived broken"', "question -shipping", "warranty", "scully", "4242", "%"]) {
      const walk = await searchTicketIds(db(), store.id, q, { common: true });
      expect(await searchTicketIds(db(), store.id, q, { common: false }), q).toEqual(walk);
    }
    expect(await searchTicketIds(db(), store.id, "broken", { common: true })).toHaveLength(1);
  });

  it("treats LIKE wildcards and tsquery syntax as plain text", async () => {
    expect(await subjects("%")).toEqual([]);
    expect(await subjects("a & b | !c:*")).toEqual([]);
  });
});

describe("search inside the queue's page", () => {
  it("finds an open match behind more newer closed matches than a page holds", async () => {
    const store = await createStore();
    const { ticket: open } = await createTicket(store.id, { subject: "Zephyr lamp flickers" });
    // Closed afterwards, so each is a newer change than the open ticket.
    for (let i = 0; i < 3; i++) {
      const { ticket } = await createTicket(store.id, { subject: `Zephyr lamp ${i}` });
      await db().ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED" } });
    }
    // Newest matches of any status first, then the view's filter (the old way) would miss it.
    expect(await searchTicketIds(db(), store.id, "zephyr", { limit: 3 })).not.toContain(open.id);

    const openView: TicketFilters = { q: "zephyr", status: [...OPEN_STATUSES], snoozed: false };
    const page = await listTickets(db(), { storeId: store.id, filters: openView, limit: 2 });
    expect(page.items.map((ticket) => ticket.id)).toEqual([open.id]);
    expect(page.nextCursor).toBeNull();
  });

  it("pages through the matches with the cursor, newest change first, without gaps or repeats", async () => {
    const store = await createStore();
    const { ticket: byNote } = await createTicket(store.id, { subject: "Nothing in the subject" });
    await addNote(db(), { storeId: store.id, ticketId: byNote.id, body: "Mentions the quokka plush", actorId: null });
    for (let i = 0; i < 6; i++) await createTicket(store.id, { subject: i % 2 ? `Quokka plush ${i}` : `Other ${i}`, body: i % 3 ? "a quokka" : "nothing" });
    const expected = await searchTicketIds(db(), store.id, "quokka");
    expect(expected.length).toBe(6); // the note, three subjects, two more bodies; "Other 0" matches nothing
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(db(), { storeId: store.id, filters: { q: "quokka" }, limit: 2, cursor });
      seen.push(...page.items.map((ticket) => ticket.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    const order = await db().ticket.findMany({ where: { id: { in: expected } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(order.map((ticket) => ticket.id));
  });

  it("applies every queue filter the same way with and without a search", async () => {
    // Every ticket here matches "gadget", so a search must list exactly what the filter alone lists:
    // the two paths build their conditions separately (SQL for the search, Prisma otherwise).
    const store = await createStore();
    const ada = await createUser(store.id);
    const team = await db().team.create({ data: { storeId: store.id, name: "Returns" }, select: { id: true } });
    const carol = await createCustomer(store.id);
    const make = async (subject: string, data: Record<string, unknown>) => {
      const { ticket } = await createTicket(store.id, { subject: `${subject} gadget` });
      await db().ticket.update({ where: { id: ticket.id }, data });
    };
    await make("A", { status: "OPEN", priority: "HIGH", assigneeId: ada.id, tags: ["vip"] });
    await make("B", { status: "CLOSED", teamId: team.id, customerId: carol.id, bigcommerceOrderId: 77 });
    await make("C", { status: "WAITING_ON_CUSTOMER", snoozedUntil: new Date(Date.now() + 30 * 86_400_000), assigneeId: ada.id });
    // No snooze that has already ended: wakeSnoozedTickets in other tests would wake it (and count it).
    await make("D", { status: "IN_PROGRESS", priority: "URGENT", tags: ["vip", "late"] });
    // A watched order ticket (lib/ticket-lifecycle/work.ts): listed under Watching, not with the work.
    await make("E", { status: "AWAITING_AGENT", workSince: null, bigcommerceOrderId: 78 });
    const cases: Array<[TicketFilters, string | undefined]> = [
      [{}, undefined],
      [{ status: ["OPEN", "CLOSED"] }, undefined],
      [{ priority: ["HIGH", "URGENT"] }, undefined],
      [{ assigneeId: ada.id }, undefined],
      [{ assignee: "me" }, ada.id],
      [{ assignee: "me" }, undefined],
      [{ assignee: "none" }, undefined],
      [{ assignee: "none", assigneeId: ada.id }, undefined],
      [{ teamId: team.id }, undefined],
      [{ tag: "vip" }, undefined],
      [{ customerId: carol.id }, undefined],
      [{ bigcommerceOrderId: 77 }, undefined],
      [{ snoozed: true }, undefined],
      [{ snoozed: false, status: [...OPEN_STATUSES] }, undefined],
      [{ watched: true, status: [...OPEN_STATUSES] }, undefined],
      [{ watched: false, status: [...OPEN_STATUSES], snoozed: false }, undefined],
    ];
    for (const [filters, actorId] of cases) {
      const list = async (more: TicketFilters) =>
        (await listTickets(db(), { storeId: store.id, actorId, filters: { ...filters, ...more }, limit: 100 })).items.map((ticket) => ticket.subject);
      const plain = await list({});
      expect(await list({ q: "gadget" }), JSON.stringify(filters)).toEqual(plain);
      if (filters.watched !== undefined) expect(plain.includes("E gadget"), JSON.stringify(filters)).toBe(filters.watched);
    }
  });
});

describe("SLA at risk", () => {
  it("lists the same tickets the badge marks: breached or in the last fifth of a target", async () => {
    const store = await createStore();
    const now = new Date();
    const minutes = (value: number) => new Date(now.getTime() + value * 60_000);
    const make = async (subject: string, data: { createdAt: Date; firstResponseDueAt: Date | null; resolutionDueAt: Date | null }) => {
      const { ticket } = await createTicket(store.id, { subject });
      // The clocks started when the ticket became work: here, at its creation.
      await db().ticket.update({ where: { id: ticket.id }, data: { ...data, workSince: data.createdAt } });
      return ticket.id;
    };
    const ids = {
      safe: await make("safe", { createdAt: minutes(-10), firstResponseDueAt: minutes(50), resolutionDueAt: minutes(600) }),
      risky: await make("risky", { createdAt: minutes(-55), firstResponseDueAt: minutes(5), resolutionDueAt: minutes(600) }),
      late: await make("late", { createdAt: minutes(-90), firstResponseDueAt: minutes(-30), resolutionDueAt: minutes(600) }),
      none: await make("none", { createdAt: minutes(-90), firstResponseDueAt: null, resolutionDueAt: null }),
    };
    const found = await findSlaRiskTicketIds(db(), store.id, now);
    expect(new Set(found)).toEqual(new Set([ids.risky, ids.late]));
    for (const [name, id] of Object.entries(ids)) {
      const { ticket } = await getTicket(db(), { storeId: store.id, ticketId: id });
      expect(slaRisk(ticket, now) !== null, name).toBe(found.includes(id));
    }
    const page = await listTickets(db(), { storeId: store.id, filters: { slaAtRisk: true } });
    expect(page.items.map((ticket) => ticket.subject).sort()).toEqual(["late", "risky"]);
    // The condition is part of the page query: one at a time, with the cursor, and with other filters.
    const first = await listTickets(db(), { storeId: store.id, filters: { slaAtRisk: true }, limit: 1 });
    const second = await listTickets(db(), { storeId: store.id, filters: { slaAtRisk: true }, limit: 1, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((ticket) => ticket.id)).toEqual(page.items.map((ticket) => ticket.id));
    expect(second.nextCursor).toBeNull();
    const onlyRisky = await listTickets(db(), { storeId: store.id, filters: { slaAtRisk: true, q: "risky" } });
    expect(onlyRisky.items.map((ticket) => ticket.subject)).toEqual(["risky"]);
  });
});
