import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket, type TestStore } from "@/lib/testing/factories.ts";
import { addNote } from "./add-note.ts";
import { findSlaRiskTicketIds } from "./find-sla-risk-ticket-ids.ts";
import { listTickets } from "./list-tickets.ts";
import { searchTicketIds } from "./search-ticket-ids.ts";
import { slaRisk } from "./sla-risk.ts";
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

  it("treats LIKE wildcards and tsquery syntax as plain text", async () => {
    expect(await subjects("%")).toEqual([]);
    expect(await subjects("a & b | !c:*")).toEqual([]);
  });
});

describe("SLA at risk", () => {
  it("lists the same tickets the badge marks: breached or in the last fifth of a target", async () => {
    const store = await createStore();
    const now = new Date();
    const minutes = (value: number) => new Date(now.getTime() + value * 60_000);
    const make = async (subject: string, data: { createdAt: Date; firstResponseDueAt: Date | null; resolutionDueAt: Date | null }) => {
      const { ticket } = await createTicket(store.id, { subject });
      await db().ticket.update({ where: { id: ticket.id }, data });
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
  });
});
