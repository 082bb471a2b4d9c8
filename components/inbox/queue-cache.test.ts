import { describe, expect, it } from "vitest";
import { ticketDto } from "@/lib/testing/ticket-dto-fixture.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { applyTicketToQueue, type QueueData } from "./queue-cache.ts";
import { DEFAULT_FILTERS, matchesQueue, queueSearchParams, type QueueFilters } from "./queue-filters.ts";

const NOW = Date.parse("2026-01-01T12:00:00.000Z");
const ME = "00000000-0000-7000-8000-00000000000a";
const context = { userId: ME, now: NOW };

const ticket = ticketDto;

const filters = (overrides: Partial<QueueFilters> = {}): QueueFilters => ({ ...DEFAULT_FILTERS, ...overrides });
const data = (...pages: Array<{ items: TicketDto[]; nextCursor: string | null }>): QueueData => ({ pages, pageParams: pages.map(() => null) });
const ids = (queue: QueueData | "refetch") => (queue === "refetch" ? queue : queue.pages.map((page) => page.items.map((item) => item.id)));

describe("matchesQueue", () => {
  it("keeps resolved, closed and snoozed tickets out of the working views", () => {
    expect(matchesQueue(ticket("a", "x", { status: "RESOLVED" }), filters(), context)).toBe(false);
    expect(matchesQueue(ticket("a", "x", { snoozedUntil: "2026-01-01T13:00:00.000Z" }), filters(), context)).toBe(false);
    expect(matchesQueue(ticket("a", "x", { snoozedUntil: "2026-01-01T11:00:00.000Z" }), filters(), context)).toBe(true);
    expect(matchesQueue(ticket("a", "x", { status: "CLOSED" }), filters({ view: "all" }), context)).toBe(true);
  });

  it("applies mine, unassigned, snoozed and SLA-at-risk views", () => {
    const mine = ticket("a", "x", { assignee: { id: ME, name: "Me" } });
    expect(matchesQueue(mine, filters({ view: "mine" }), context)).toBe(true);
    expect(matchesQueue(mine, filters({ view: "unassigned" }), context)).toBe(false);
    expect(matchesQueue(ticket("b", "x"), filters({ view: "snoozed" }), context)).toBe(false);
    const late = ticket("c", "x", { firstResponseDueAt: "2026-01-01T11:59:00.000Z" });
    expect(matchesQueue(late, filters({ view: "at_risk" }), context)).toBe(true);
    expect(matchesQueue(ticket("d", "x"), filters({ view: "at_risk" }), context)).toBe(false);
  });

  it("keeps watched order tickets out of the work views and lists them under Watching", () => {
    const watched = ticket("w", "x", { watched: true, workSince: null });
    const work = ticket("k", "x");
    for (const view of ["open", "unassigned"] as const) {
      expect(matchesQueue(watched, filters({ view }), context)).toBe(false);
      expect(matchesQueue(work, filters({ view }), context)).toBe(true);
    }
    expect(matchesQueue(watched, filters({ view: "watching" }), context)).toBe(true);
    expect(matchesQueue(work, filters({ view: "watching" }), context)).toBe(false);
    expect(matchesQueue(watched, filters({ view: "all" }), context)).toBe(true);
    expect(Object.fromEntries(queueSearchParams(filters({ view: "open" }), null))).toMatchObject({ watched: "false" });
    expect(Object.fromEntries(queueSearchParams(filters({ view: "watching" }), null))).toMatchObject({ watched: "true", snoozed: "false" });
  });

  it("narrows by status, priority, assignee, team and tag", () => {
    const t = ticket("a", "x", { priority: "HIGH", teamId: "team-1", tags: ["vip"], assignee: { id: "other", name: "O" } });
    expect(matchesQueue(t, filters({ priority: "HIGH", teamId: "team-1", tag: "vip", assigneeId: "other" }), context)).toBe(true);
    expect(matchesQueue(t, filters({ priority: "LOW" }), context)).toBe(false);
    expect(matchesQueue(t, filters({ tag: "refund" }), context)).toBe(false);
    expect(matchesQueue(t, filters({ status: "RESOLVED" }), context)).toBe(false);
  });
});

describe("queueSearchParams", () => {
  it("turns views into the API's filters", () => {
    expect(Object.fromEntries(queueSearchParams(filters({ view: "mine", q: " parcel " }), null))).toMatchObject({ assignee: "me", snoozed: "false", q: "parcel" });
    expect(queueSearchParams(filters({ view: "all" }), "c1").toString()).toBe("limit=50&cursor=c1");
    expect(Object.fromEntries(queueSearchParams(filters({ view: "unassigned", assigneeId: "x" }), null))).not.toHaveProperty("assigneeId");
  });
});

describe("applyTicketToQueue", () => {
  const a = ticket("a", "2026-01-01T10:00:00.000Z");
  const b = ticket("b", "2026-01-01T09:00:00.000Z");

  it("puts a new or changed ticket where it now sorts", () => {
    const fresh = ticket("c", "2026-01-01T11:00:00.000Z");
    expect(ids(applyTicketToQueue(data({ items: [a, b], nextCursor: null }), fresh, filters(), context))).toEqual([["c", "a", "b"]]);
    const bumped = { ...b, updatedAt: "2026-01-01T11:30:00.000Z" };
    expect(ids(applyTicketToQueue(data({ items: [a, b], nextCursor: null }), bumped, filters(), context))).toEqual([["b", "a"]]);
  });

  it("drops a ticket that no longer matches and ignores an older copy", () => {
    const resolved = { ...a, status: "RESOLVED" as const, updatedAt: "2026-01-01T11:00:00.000Z" };
    expect(ids(applyTicketToQueue(data({ items: [a, b], nextCursor: null }), resolved, filters(), context))).toEqual([["b"]]);
    const stale = { ...a, status: "RESOLVED" as const, updatedAt: "2026-01-01T08:00:00.000Z" };
    expect(ids(applyTicketToQueue(data({ items: [a, b], nextCursor: null }), stale, filters(), context))).toEqual([["a", "b"]]);
  });

  it("does not append past the loaded pages while more are to come", () => {
    const old = ticket("z", "2026-01-01T01:00:00.000Z");
    expect(ids(applyTicketToQueue(data({ items: [a, b], nextCursor: "more" }), old, filters(), context))).toEqual([["a", "b"]]);
    expect(ids(applyTicketToQueue(data({ items: [a, b], nextCursor: null }), old, filters(), context))).toEqual([["a", "b", "z"]]);
  });

  it("asks for a refetch when a ticket it has not seen arrives under a text search, updates one it has", () => {
    expect(applyTicketToQueue(data({ items: [a], nextCursor: null }), ticket("n", "2026-01-01T11:00:00.000Z"), filters({ q: "parcel" }), context)).toBe("refetch");
    const changed = { ...a, priority: "HIGH" as const, updatedAt: "2026-01-01T11:00:00.000Z" };
    const result = applyTicketToQueue(data({ items: [a], nextCursor: null }), changed, filters({ q: "parcel" }), context);
    expect(result !== "refetch" && result.pages[0]!.items[0]!.priority).toBe("HIGH");
  });
});
