// Queue & search benchmark: how fast the inbox's ticket list answers with 1,000,000 tickets and
// 5,000,000 messages in the database (bench/generate-scale-data.ts makes them, once).
//
// Each shape is the query the inbox really sends: its filters go through the inbox's own
// queueSearchParams (components/inbox/queue-filters.ts) and the API's parser, then listTickets,
// the function GET /api/v1/tickets calls, runs against the scale database with Prisma. The HTTP
// layer in front (session check, JSON) is left out: it costs about a millisecond and does not grow
// with the data.
import pg from "pg";
import { DEFAULT_FILTERS, queueSearchParams, type QueueFilters } from "@/components/inbox/queue-filters.ts";
import { createDb, type Db } from "@/lib/db/client.ts";
import { listTickets, type TicketPage } from "@/lib/tickets/list-tickets.ts";
import { searchTicketIds } from "@/lib/tickets/search-ticket-ids.ts";
import { parseListTicketsQuery } from "@/lib/validations/tickets.ts";
import type { Benchmark, BenchRow } from "./bench-types.ts";
import { openScaleData } from "./generate-scale-data.ts";
import { fmt, percentile } from "./stats.ts";

const WARM_UP_RUNS = 20;
const RUNS = 200;
// A shape far over target stops early rather than holding the whole bench for minutes.
const MAX_MS_PER_SHAPE = 30_000;
const TARGET_MS = 50;
const PAGE_SIZE = 50; // what the inbox asks for

type Shape = { metric: string; filters: Partial<QueueFilters>; actorId?: string; cursor?: () => string | null; about?: string };

async function measure(call: () => Promise<unknown>): Promise<{ p50: number; p99: number; runs: number }> {
  const warmUntil = performance.now() + MAX_MS_PER_SHAPE / 6;
  for (let run = 0; run < WARM_UP_RUNS && performance.now() < warmUntil; run += 1) await call();
  const times: number[] = [];
  const until = performance.now() + MAX_MS_PER_SHAPE;
  while (times.length < RUNS && performance.now() < until) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), runs: times.length };
}

/** Facts about the big store the shapes need: the busiest agent, a customer's email, an order id. */
async function samples(url: string, storeId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const agent = await client.query<{ id: string; open: number }>(
      `SELECT "assigneeId" AS id, count(*)::int AS open FROM "Ticket"
        WHERE "storeId" = $1 AND status NOT IN ('RESOLVED', 'CLOSED') AND "assigneeId" IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      [storeId],
    );
    const customer = await client.query<{ email: string }>(
      `SELECT c.email FROM "Ticket" t JOIN "Customer" c ON c.id = t."customerId"
        WHERE t."storeId" = $1 AND c.email IS NOT NULL ORDER BY t.number DESC OFFSET 1000 LIMIT 1`,
      [storeId],
    );
    const order = await client.query<{ orderId: number }>(
      `SELECT "bigcommerceOrderId" AS "orderId" FROM "Ticket"
        WHERE "storeId" = $1 AND "bigcommerceOrderId" IS NOT NULL ORDER BY number OFFSET 400000 LIMIT 1`,
      [storeId],
    );
    const counts = await client.query<{ open: number; unassigned: number }>(
      `SELECT count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED'))::int AS open,
              count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED') AND "assigneeId" IS NULL)::int AS unassigned
         FROM "Ticket" WHERE "storeId" = $1`,
      [storeId],
    );
    return { agent: agent.rows[0]!, email: customer.rows[0]!.email, orderId: order.rows[0]!.orderId, ...counts.rows[0]! };
  } finally {
    await client.end();
  }
}

async function run(log: (line: string) => void): Promise<BenchRow[]> {
  const data = await openScaleData(log);
  const store = data.stores[0]!;
  const facts = await samples(data.url, store.id);
  const db: Db = createDb(data.url, { poolSize: 4 });
  const rows: BenchRow[] = [];
  try {
    const list = (shape: Shape): Promise<TicketPage> => {
      const { cursor, limit, ...filters } = parseListTicketsQuery(queueSearchParams({ ...DEFAULT_FILTERS, ...shape.filters }, shape.cursor?.() ?? null, PAGE_SIZE));
      return listTickets(db, { storeId: store.id, actorId: shape.actorId ?? null, filters, cursor, limit });
    };
    let openPageOne: TicketPage | null = null;
    let atRiskPageOne: TicketPage | null = null;
    const shapes: Shape[] = [
      { metric: "queue: Open (default view), page 1", filters: {}, about: `${fmt(facts.open)} open tickets` },
      { metric: "queue: Open, page 2 (cursor)", filters: {}, cursor: () => openPageOne?.nextCursor ?? null },
      { metric: "queue: Mine", filters: { view: "mine" }, actorId: facts.agent.id, about: `busiest agent, ${fmt(facts.agent.open)} open tickets` },
      { metric: "queue: Unassigned", filters: { view: "unassigned" }, about: `${fmt(facts.unassigned)} unassigned open tickets` },
      { metric: "queue: status Waiting on customer", filters: { status: "WAITING_ON_CUSTOMER" } },
      { metric: "queue: All, page 1", filters: { view: "all" }, about: `all ${fmt(store.tickets)} tickets of the store` },
      { metric: "queue: At risk", filters: { view: "at_risk" } },
      { metric: "queue: At risk, page 2 (cursor)", filters: { view: "at_risk" }, cursor: () => atRiskPageOne?.nextCursor ?? null },
      { metric: "search: common word (refund), All", filters: { view: "all", q: "refund" } },
      { metric: "search: common word (refund), Open", filters: { q: "refund" } },
      { metric: "search: rare word (kaleidoscope), All", filters: { view: "all", q: "kaleidoscope" } },
      { metric: "search: phrase (\"wrong size\"), All", filters: { view: "all", q: '"wrong size"' } },
      { metric: "search: customer email, All", filters: { view: "all", q: facts.email } },
      { metric: "search: order number, All", filters: { view: "all", q: String(facts.orderId) } },
    ];
    log(`store "${store.name}": ${fmt(store.tickets)} tickets, ${fmt(facts.open)} open; ${RUNS} runs per shape after ${WARM_UP_RUNS} warm-up runs, ${PAGE_SIZE} tickets a page`);
    for (const shape of shapes) {
      const page = await list(shape);
      if (shape.metric.startsWith("queue: Open (default view)")) openPageOne = page;
      if (shape.metric === "queue: At risk") atRiskPageOne = page;
      const { p50, p99, runs } = await measure(() => list(shape));
      const matches = shape.filters.q ? (await searchTicketIds(db, store.id, shape.filters.q)).length : null;
      const counted = [
        shape.about,
        `${page.items.length} on the page${page.nextCursor ? ", more after" : ""}`,
        matches === null ? undefined : `${fmt(matches)} search matches (searchTicketIds)`,
        runs < RUNS ? `only ${runs} runs in ${MAX_MS_PER_SHAPE / 1000} s` : undefined,
      ].filter(Boolean);
      log(`${shape.metric}: p50 ${fmt(p50, 1)} ms, p99 ${fmt(p99, 1)} ms (${counted.join("; ")})`);
      rows.push({
        benchmark: "queue & search",
        metric: `${shape.metric} p50 / p99`,
        value: `${fmt(p50, 1)} / ${fmt(p99, 1)} ms`,
        note: `target < ${TARGET_MS} ms${p99 >= TARGET_MS ? " (over)" : ""}; ${counted.join("; ")}`,
      });
    }
    const generated = data.generatedMs === null ? `reused (generated ${data.generatedAt.toISOString().slice(0, 16)}Z; TERN_BENCH_REGENERATE=1 to redo)` : `generated in ${fmt(data.generatedMs / 1000)} s`;
    rows.unshift({
      benchmark: "queue & search",
      metric: "data set",
      value: `${fmt(data.tickets)} tickets, ${fmt(data.messages)} messages`,
      note: `database ${new URL(data.url).pathname.slice(1)}, ${fmt(data.databaseBytes / 2 ** 30, 1)} GiB, ${generated}; ${data.stores.length} stores, queries hit the largest; listTickets called directly (HTTP layer left out)`,
    });
    return rows;
  } finally {
    await db.$disconnect();
    await data.stop();
  }
}

export const benchmark: Benchmark = { name: "queue & search", run };
