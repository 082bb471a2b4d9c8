import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TicketPage } from "@/lib/tickets/list-tickets.ts";
import { ticketDto } from "@/lib/testing/ticket-dto-fixture.ts";
import type { QueueData } from "./queue-cache.ts";
import { DEFAULT_FILTERS } from "./queue-filters.ts";
import { inboxKeys } from "./query-keys.ts";
import { writeTicket } from "./use-live-inbox.ts";

// A real react-query client, with the network replaced by answers the test releases by hand: the
// point is the order in which a live event and a load's answer arrive.

const ME = "00000000-0000-7000-8000-00000000000a";
const KEY = inboxKeys.queue(DEFAULT_FILTERS);

const ticket = ticketDto;

/** A queue on screen (an observer, as useInfiniteQuery makes) whose loads wait until the test answers them. */
function queueOnScreen() {
  const client = new QueryClient();
  clients.push(client);
  const answers: Array<(page: TicketPage) => void> = [];
  let requests = 0;
  const observer = new InfiniteQueryObserver<TicketPage, Error, QueueData, typeof KEY, string | null>(client, {
    queryKey: KEY,
    queryFn: () => {
      requests += 1;
      return new Promise<TicketPage>((resolve) => answers.push(resolve));
    },
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
    retry: false,
  });
  unsubscribes.push(observer.subscribe(() => undefined));
  const answer = async (page: TicketPage) => {
    answers.shift()!(page);
    await vi.waitFor(() => expect(client.getQueryState(KEY)?.fetchStatus).toBe("idle"));
  };
  const ids = () => client.getQueryData<QueueData>(KEY)?.pages.map((page) => page.items.map((item) => `${item.id}@${item.updatedAt.slice(11, 16)}`));
  return { client, observer, answer, ids, requests: () => requests };
}

let clients: QueryClient[] = [];
let unsubscribes: Array<() => void> = [];
afterEach(() => {
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  clients.forEach((client) => client.clear());
  clients = [];
  unsubscribes = [];
});

describe("live events while a queue loads", () => {
  it("an event during the first load reaches the answer, with no second request", async () => {
    const queue = queueOnScreen();
    expect(queue.requests()).toBe(1);
    writeTicket(queue.client, ticket("new", "2026-01-01T10:05:00.000Z"), ME);
    // The server read the queue before the new ticket existed.
    await queue.answer({ items: [ticket("old", "2026-01-01T10:00:00.000Z")], nextCursor: null });
    expect(queue.ids()).toEqual([["new@10:05", "old@10:00"]]);
    expect(queue.requests()).toBe(1);
  });

  it("an answer newer than the event wins", async () => {
    const queue = queueOnScreen();
    writeTicket(queue.client, ticket("a", "2026-01-01T10:00:00.000Z", { status: "RESOLVED" }), ME);
    // Reopened after that event, and read after the reopening.
    await queue.answer({ items: [ticket("a", "2026-01-01T10:01:00.000Z")], nextCursor: null });
    expect(queue.ids()).toEqual([["a@10:01"]]);
  });

  it("an event that drops a ticket during the first load drops it from the answer", async () => {
    const queue = queueOnScreen();
    writeTicket(queue.client, ticket("a", "2026-01-01T10:02:00.000Z", { status: "RESOLVED" }), ME);
    await queue.answer({ items: [ticket("a", "2026-01-01T10:00:00.000Z"), ticket("b", "2026-01-01T09:59:00.000Z")], nextCursor: null });
    expect(queue.ids()).toEqual([["b@09:59"]]);
  });

  it("an event during a next-page load is kept when the page lands, without loading the first page again", async () => {
    const queue = queueOnScreen();
    await queue.answer({ items: [ticket("b", "2026-01-01T10:00:00.000Z")], nextCursor: "c1" });
    const nextPage = queue.observer.fetchNextPage();
    expect(queue.requests()).toBe(2);
    writeTicket(queue.client, ticket("a", "2026-01-01T10:03:00.000Z"), ME);
    expect(queue.ids()).toEqual([["a@10:03", "b@10:00"]]);
    // The next page was put together from the pages as they were when it started.
    await queue.answer({ items: [ticket("c", "2026-01-01T09:00:00.000Z")], nextCursor: null });
    await nextPage;
    expect(queue.ids()).toEqual([["a@10:03", "b@10:00"], ["c@09:00"]]);
    expect(queue.requests()).toBe(2);
  });
});
