import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { createCustomer, createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { createTicketInTx, createTicket as createTicketService } from "./create-ticket.ts";

const T0 = new Date("2026-02-02T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function thread(ticketId: string) {
  return db().message.findMany({
    where: { ticketId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, channel: true, body: true, authorId: true, meta: true, deliveryStatus: true },
  });
}

describe("createTicket", () => {
  it("numbers tickets per store, each store starting at 1", async () => {
    const storeA = await createStore();
    const storeB = await createStore();
    const a1 = await createTicket(storeA.id);
    const a2 = await createTicket(storeA.id);
    const b1 = await createTicket(storeB.id);
    const a3 = await createTicket(storeA.id);
    expect([a1, a2, a3].map((change) => change.ticket.number)).toEqual([1, 2, 3]);
    expect(b1.ticket.number).toBe(1);
  });

  it("gives 50 parallel creations the numbers 1..50 exactly once", async () => {
    const store = await createStore();
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => createTicket(store.id, { subject: `Parallel ${i}` })));
    const numbers = created.map((change) => change.ticket.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const stored = await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { ticketSequence: true } });
    expect(stored.ticketSequence).toBe(50);
  });

  it("keeps the numbers gap-free: a creation that rolls back gives its number back, and the next one waits for it", async () => {
    const store = await createStore();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let numbered!: () => void;
    const inside = new Promise<void>((resolve) => (numbered = resolve));
    const slow = db().$transaction(
      async (tx) => {
        const change = await createTicketInTx(tx, { storeId: store.id, subject: "Held open, then rolled back", source: "API" });
        numbered();
        await held;
        expect(change.ticket.number).toBe(1);
        throw new Error("roll back");
      },
      { timeout: 30_000 },
    );
    await inside;
    // The store's number is taken in the creating transaction: the next creation waits for it to end.
    let nextDone = false;
    const next = createTicketService(db(), { storeId: store.id, subject: "Waits for the first", source: "API" }).finally(() => (nextDone = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nextDone).toBe(false);
    release();
    await expect(slow).rejects.toThrow("roll back");
    expect((await next).ticket.number).toBe(1);
    expect(await db().ticket.findMany({ where: { storeId: store.id }, select: { number: true } })).toEqual([{ number: 1 }]);
    const stored = await db().store.findUniqueOrThrow({ where: { id: store.id }, select: { ticketSequence: true } });
    expect(stored.ticketSequence).toBe(1);
  });

  it("enters the queue through the transition, leaving the activity entry", async () => {
    const store = await createStore();
    const { ticket, messages } = await createTicket(store.id, { subject: "Where is my parcel?", body: "It has been a week.", now: T0 });
    expect(ticket.status).toBe("AWAITING_AGENT");
    expect(messages.map((message) => message.kind)).toEqual(["INBOUND", "ACTIVITY"]);
    expect(await thread(ticket.id)).toEqual([
      { kind: "INBOUND", channel: "WEB", body: "It has been a week.", authorId: null, meta: null, deliveryStatus: null },
      {
        kind: "ACTIVITY",
        channel: "INTERNAL",
        body: "Status changed from Open to Awaiting Agent",
        authorId: null,
        meta: { type: "status", from: "OPEN", to: "AWAITING_AGENT", reason: "Ticket created" },
        deliveryStatus: null,
      },
    ]);
    expect(ticket.lastMessageAt).toBe(T0.toISOString());
  });

  it("makes a manual ticket's body a note by the agent", async () => {
    const store = await createStore();
    const agent = await createUser(store.id);
    const { ticket } = await createTicket(store.id, { source: "MANUAL", body: "Called in by phone", actorId: agent.id });
    const [first, activity] = await thread(ticket.id);
    expect(first).toMatchObject({ kind: "NOTE", channel: "INTERNAL", authorId: agent.id, deliveryStatus: null });
    expect(activity).toMatchObject({ kind: "ACTIVITY", authorId: agent.id });
    expect(ticket.lastMessageAt).toBeNull();
  });

  it("uses the Telegram and BigCommerce channels for their sources", async () => {
    const store = await createStore();
    const telegram = await createTicket(store.id, { source: "TELEGRAM", body: "hi" });
    const bigcommerce = await createTicket(store.id, { source: "BIGCOMMERCE", body: "order 250", bigcommerceOrderId: 250 });
    expect((await thread(telegram.ticket.id))[0]?.channel).toBe("TELEGRAM");
    expect((await thread(bigcommerce.ticket.id))[0]?.channel).toBe("BIGCOMMERCE");
    expect(bigcommerce.ticket.bigcommerceOrderId).toBe(250);
  });

  it("sets the default SLA targets without a policy", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { now: T0 });
    expect(ticket.firstResponseDueAt).toBe(minutes(60).toISOString());
    expect(ticket.resolutionDueAt).toBe(minutes(24 * 60).toISOString());
  });

  it("takes the most specific SLA policy for priority and tier", async () => {
    const store = await createStore();
    const other = await createStore();
    const base = { firstResponseSeconds: 0, resolutionSeconds: 0 };
    await db().slaPolicy.createMany({
      data: [
        { ...base, storeId: store.id, name: "Any", firstResponseSeconds: 120 * 60, resolutionSeconds: 2000 * 60 },
        { ...base, storeId: store.id, name: "VIP", tier: "VIP", firstResponseSeconds: 30 * 60, resolutionSeconds: 600 * 60 },
        { ...base, storeId: store.id, name: "Urgent VIP", priority: "URGENT", tier: "VIP", firstResponseSeconds: 5 * 60, resolutionSeconds: 60 * 60 },
        // Another store's stricter policy must not apply.
        { ...base, storeId: other.id, name: "Other", firstResponseSeconds: 1 * 60, resolutionSeconds: 1 * 60 },
      ],
    });
    const vip = await createCustomer(store.id, { tier: "VIP" });
    const urgentVip = await createTicket(store.id, { priority: "URGENT", customerId: vip.id, now: T0 });
    const normalVip = await createTicket(store.id, { customerId: vip.id, now: T0 });
    const standard = await createTicket(store.id, { now: T0 });
    expect(urgentVip.ticket.firstResponseDueAt).toBe(minutes(5).toISOString());
    expect(urgentVip.ticket.resolutionDueAt).toBe(minutes(60).toISOString());
    expect(normalVip.ticket.firstResponseDueAt).toBe(minutes(30).toISOString());
    expect(standard.ticket.firstResponseDueAt).toBe(minutes(120).toISOString());
    expect(standard.ticket.resolutionDueAt).toBe(minutes(2000).toISOString());
  });

  it("finds the customer by email within the store, or creates one", async () => {
    const store = await createStore();
    const other = await createStore();
    const existing = await createCustomer(store.id, { email: "carol@example.com", name: "Carol" });
    const again = await createTicket(store.id, { customer: { email: "  Carol@Example.com ", name: "Someone else" } });
    expect(again.ticket.customer).toEqual({ id: existing.id, name: "Carol", email: "carol@example.com", tier: "STANDARD" });

    const elsewhere = await createTicket(other.id, { customer: { email: "carol@example.com", name: "Carol B" } });
    expect(elsewhere.ticket.customer?.id).not.toBe(existing.id);
    expect(elsewhere.ticket.customer?.name).toBe("Carol B");

    // Parallel first tickets of one new customer make one customer, not a unique-violation failure.
    const parallel = await Promise.all(Array.from({ length: 8 }, () => createTicket(store.id, { customer: { email: "new@example.com" } })));
    expect(new Set(parallel.map((change) => change.ticket.customer?.id)).size).toBe(1);
    expect(await db().customer.count({ where: { storeId: store.id, email: "new@example.com" } })).toBe(1);
  });

  it("links a sub-ticket to a parent of the same store only", async () => {
    const store = await createStore();
    const other = await createStore();
    const parent = await createTicket(store.id);
    const sub = await createTicket(store.id, { parentTicketId: parent.ticket.id, subject: "Return" });
    expect(sub.ticket.parentTicketId).toBe(parent.ticket.id);

    const foreignParent = createTicketService(db(), { storeId: other.id, subject: "x", source: "API", parentTicketId: parent.ticket.id });
    await expect(foreignParent).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(createTicket(store.id, { parentTicketId: "not-a-uuid" })).rejects.toBeInstanceOf(AppError);
    // The failed creations gave their numbers back: the other store has no ticket yet.
    expect((await createTicket(other.id)).ticket.number).toBe(1);
  });

  it("refuses another store's customer id", async () => {
    const store = await createStore();
    const other = await createStore();
    const foreign = await createCustomer(other.id);
    await expect(createTicket(store.id, { customerId: foreign.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("reports an unknown store as not found", async () => {
    await expect(createTicket("0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
