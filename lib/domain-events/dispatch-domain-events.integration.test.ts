import { describe, expect, it } from "vitest";
import pg from "pg";
import { databaseUrl, db } from "@/lib/db/client.ts";
import { createStore } from "@/lib/testing/factories.ts";
import { deliverDomainEvents, dispatchDomainEvents } from "./dispatch-domain-events.ts";
import { DOMAIN_EVENTS_CHANNEL, type DomainEvent, type DomainEventSubscriber } from "./domain-event.ts";
import { recordDomainEventsInTx } from "./record-domain-events.ts";

const quiet = () => undefined;

function collector(name: string, fail?: (event: DomainEvent) => boolean): DomainEventSubscriber & { seen: DomainEvent[] } {
  const seen: DomainEvent[] = [];
  return {
    name,
    seen,
    deliver: async (events) => {
      seen.push(...events);
      return events.filter((event) => fail?.(event)).map((event) => event.id);
    },
  };
}

async function record(storeId: string, count: number): Promise<string[]> {
  const ticketIds = Array.from({ length: count }, () => crypto.randomUUID());
  await db().$transaction((tx) => recordDomainEventsInTx(tx, ticketIds.map((ticketId) => ({ storeId, type: "ticket.updated", ticketId }))));
  return ticketIds;
}

describe("domain events", () => {
  it("delivered, are deleted by the dispatcher's next claim, and held by their lease until then", async () => {
    const store = await createStore();
    await record(store.id, 3);
    const first = collector("first");
    const batch = await deliverDomainEvents(db(), { subscribers: [first], log: quiet, storeIds: [store.id] });
    expect(batch).toMatchObject({ claimed: 3 });
    expect(batch.delivered).toHaveLength(3);
    // Not deleted yet, but no other dispatcher takes them meanwhile.
    expect(await db().domainEvent.count({ where: { storeId: store.id } })).toBe(3);
    const other = collector("other");
    expect(await dispatchDomainEvents(db(), { subscribers: [other], log: quiet, storeIds: [store.id] })).toBe(0);

    await record(store.id, 2);
    const next = await deliverDomainEvents(db(), { subscribers: [first], log: quiet, storeIds: [store.id], deleting: batch.delivered });
    expect(next.claimed).toBe(2);
    expect(await db().domainEvent.count({ where: { storeId: store.id } })).toBe(2);
    expect(first.seen).toHaveLength(5);
    expect(other.seen).toEqual([]);
  });

  it("wake the dispatchers at commit, except those written already leased to their writer's dispatcher", async () => {
    const store = await createStore();
    const listener = new pg.Client({ connectionString: databaseUrl() });
    const writer = new pg.Client({ connectionString: databaseUrl() });
    await Promise.all([listener.connect(), writer.connect()]);
    try {
      // Other tests write events meanwhile: only the notifications this writer's commits sent count.
      const { rows } = await writer.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const heard: number[] = [];
      let heardOne: () => void = () => undefined;
      const one = new Promise<void>((resolve) => (heardOne = resolve));
      listener.on("notification", (message) => {
        if (message.processId !== rows[0]!.pid) return;
        heard.push(message.processId);
        heardOne();
      });
      await listener.query(`LISTEN ${DOMAIN_EVENTS_CHANNEL}`);
      const insert = (availableAt: string) =>
        writer.query(`INSERT INTO "DomainEvent" ("storeId", type, "ticketId", "availableAt", attempts) VALUES ($1, 'ticket.updated', $2, ${availableAt}, 1)`, [store.id, crypto.randomUUID()]);
      await insert("now() + interval '10 seconds'");
      // Due now as the column's default has it: rounded to the millisecond, maybe up.
      await insert("DEFAULT");
      // Notifications arrive in commit order: had the first insert notified, that came first and the
      // second one's made two. Had the second not notified, none comes.
      await Promise.race([one, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await listener.query("SELECT 1");
      expect(heard).toHaveLength(1);
    } finally {
      await Promise.all([listener.end(), writer.end()]);
    }
  });

  it("exist only if the change committed", async () => {
    const store = await createStore();
    await expect(
      db().$transaction(async (tx) => {
        await recordDomainEventsInTx(tx, [{ storeId: store.id, type: "ticket.updated", ticketId: crypto.randomUUID() }]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().domainEvent.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("announce a ticket once per transaction: created wins over updated", async () => {
    const store = await createStore();
    const ticketId = crypto.randomUUID();
    await db().$transaction((tx) =>
      recordDomainEventsInTx(tx, [
        { storeId: store.id, type: "ticket.created", ticketId },
        { storeId: store.id, type: "ticket.updated", ticketId },
        { storeId: store.id, type: "message.added", ticketId, data: { messageId: crypto.randomUUID() } },
        { storeId: store.id, type: "ticket.updated", ticketId },
      ]),
    );
    const rows = await db().domainEvent.findMany({ where: { storeId: store.id }, orderBy: { id: "asc" }, select: { type: true } });
    expect(rows.map((row) => row.type)).toEqual(["ticket.created", "message.added"]);
  });

  it("reach every subscriber in the order written, and are gone once delivered", async () => {
    const store = await createStore();
    const ticketIds = await record(store.id, 5);
    const a = collector("a");
    const b = collector("b");
    expect(await dispatchDomainEvents(db(), { subscribers: [a, b], log: quiet, storeIds: [store.id] })).toBe(5);
    expect(a.seen.map((event) => event.ticketId)).toEqual(ticketIds);
    expect(b.seen.map((event) => event.ticketId)).toEqual(ticketIds);
    expect(await db().domainEvent.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("come again when a subscriber could not take them, and only those", async () => {
    const store = await createStore();
    const [failing] = await record(store.id, 3);
    const flaky = collector("flaky", (event) => event.ticketId === failing && event.attempts === 1);
    await dispatchDomainEvents(db(), { subscribers: [flaky], log: quiet, storeIds: [store.id] });
    const left = await db().domainEvent.findMany({ where: { storeId: store.id }, select: { ticketId: true, attempts: true, availableAt: true } });
    expect(left).toEqual([{ ticketId: failing, attempts: 1, availableAt: expect.any(Date) }]);
    expect(left[0]!.availableAt.getTime()).toBeGreaterThan(Date.now());
    // Not before its delay; then once more, and done.
    expect(await dispatchDomainEvents(db(), { subscribers: [flaky], log: quiet, storeIds: [store.id] })).toBe(0);
    await expect.poll(() => dispatchDomainEvents(db(), { subscribers: [flaky], log: quiet, storeIds: [store.id] }), { timeout: 5_000 }).toBe(1);
    expect(flaky.seen.filter((event) => event.ticketId === failing).map((event) => event.attempts)).toEqual([1, 2]);
    expect(await db().domainEvent.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("are taken by one dispatcher at a time when several run", async () => {
    const store = await createStore();
    await record(store.id, 60);
    const one = collector("one");
    const two = collector("two");
    await Promise.all([
      dispatchDomainEvents(db(), { subscribers: [one], log: quiet, storeIds: [store.id], limit: 10 }),
      dispatchDomainEvents(db(), { subscribers: [two], log: quiet, storeIds: [store.id], limit: 10 }),
      dispatchDomainEvents(db(), { subscribers: [one], log: quiet, storeIds: [store.id], limit: 10 }),
      dispatchDomainEvents(db(), { subscribers: [two], log: quiet, storeIds: [store.id], limit: 10 }),
    ]);
    const ids = [...one.seen, ...two.seen].map((event) => event.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });
});
