// A day at the demo store, shortened: Tern started as `npm start` starts it with no credentials
// (demo mode: its emulators and simulated customers and orders), left alone for
// TERN_BENCH_DEMO_MINUTES (30 by default), and looked at every 15 s the way a supervisor would:
//   - does the agents' Open view hold only conversations that need a person?
//   - does any watched order ticket breach an SLA?
//   - does a customer conversation wait unassigned while an agent has room?
// Figures only: nothing here asserts a timing.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { CLAIMABLE_STATUSES, UNLOADED_STATUSES } from "@/lib/routing/routing-statuses.ts";
import { FINISHED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { statusListSql } from "@/lib/ticket-lifecycle/status-sql.ts";
import { createTestDatabase } from "@/tests/test-database.ts";
import type { Benchmark, BenchRow } from "./bench-types.ts";
import { fmt } from "./stats.ts";
import { build, startServer } from "./tern-process.ts";

const PORT = Number(process.env.TERN_BENCH_PORT ?? 3900);
const MINUTES = Number(process.env.TERN_BENCH_DEMO_MINUTES ?? 30);
const SAMPLE_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type OpenWork = { id: string; number: number; customerWrote: boolean; madeWork: boolean; fromOrder: boolean; isReturn: boolean };

/** The Open view's tickets (open, not snoozed, work) and what asked for a person on each. */
function openWork(storeId: string) {
  return db().$queryRaw<OpenWork[]>`
    SELECT t.id, t.number,
           EXISTS (SELECT 1 FROM "Message" m WHERE m."ticketId" = t.id AND m.kind = 'INBOUND') AS "customerWrote",
           EXISTS (SELECT 1 FROM "Message" m WHERE m."ticketId" = t.id AND m.kind = 'ACTIVITY' AND m.meta->>'type' = 'work') AS "madeWork",
           t.source = 'BIGCOMMERCE' AS "fromOrder", t."parentTicketId" IS NOT NULL AS "isReturn"
    FROM "Ticket" t
    WHERE t."storeId" = ${storeId}::uuid AND t.status NOT IN (${statusListSql(FINISHED_STATUSES)}) AND t."workSince" IS NOT NULL
      AND (t."snoozedUntil" IS NULL OR t."snoozedUntil" <= now())`;
}

/**
 * Customer conversations (a customer wrote) that nobody holds although an online agent of their
 * team has room, as routing counts it: agents only, and a load of every held ticket whose clocks run
 * (routing-statuses.ts).
 */
function waitingWhileRoom(storeId: string) {
  return db().$queryRaw<{ id: string; number: number }[]>`
    SELECT t.id, t.number FROM "Ticket" t
    WHERE t."storeId" = ${storeId}::uuid AND t."assigneeId" IS NULL AND t."workSince" IS NOT NULL
      AND t.status IN (${statusListSql(CLAIMABLE_STATUSES)})
      AND (t."snoozedUntil" IS NULL OR t."snoozedUntil" <= now())
      AND EXISTS (SELECT 1 FROM "Message" m WHERE m."ticketId" = t.id AND m.kind = 'INBOUND')
      AND EXISTS (
        SELECT 1 FROM "User" u
        WHERE u."storeId" = t."storeId" AND u.availability = 'ONLINE' AND u."disabledAt" IS NULL AND u.role = 'AGENT'
          AND (t."teamId" IS NULL OR u."teamId" = t."teamId")
          AND (SELECT count(*) FROM "Ticket" held WHERE held."assigneeId" = u.id AND held.status NOT IN (${statusListSql(UNLOADED_STATUSES)})) < u.capacity
      )`;
}

async function counts(storeId: string) {
  const [row] = await db().$queryRaw<Array<{ tickets: number; watched: number; watchedOpen: number; watchedBreached: number; watchedSlaEvents: number; dead: number }>>(Prisma.sql`
    SELECT (SELECT count(*) FROM "Ticket" WHERE "storeId" = ${storeId}::uuid)::int AS tickets,
           (SELECT count(*) FROM "Ticket" WHERE "storeId" = ${storeId}::uuid AND "workSince" IS NULL)::int AS watched,
           (SELECT count(*) FROM "Ticket" WHERE "storeId" = ${storeId}::uuid AND "workSince" IS NULL AND status NOT IN (${statusListSql(FINISHED_STATUSES)}))::int AS "watchedOpen",
           (SELECT count(*) FROM "Ticket" WHERE "storeId" = ${storeId}::uuid AND "workSince" IS NULL AND ("firstResponseBreached" OR "resolutionBreached"))::int AS "watchedBreached",
           (SELECT count(*) FROM "SlaEvent" e JOIN "Ticket" t ON t.id = e."ticketId" WHERE e."storeId" = ${storeId}::uuid AND t."workSince" IS NULL)::int AS "watchedSlaEvents",
           (SELECT count(*) FROM "InboundEvent" WHERE status = 'DEAD')::int AS dead`);
  return row!;
}

async function run(log: (line: string) => void): Promise<BenchRow[]> {
  build(log);
  const database = await createTestDatabase("tern_bench_demo");
  process.env.DATABASE_URL = database.url;
  const dataDir = mkdtempSync(path.join(tmpdir(), "tern-demo-day-"));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    // No BigCommerce or Telegram credentials: demo mode, as a newcomer's first `npm start`.
    server = await startServer(
      {
        NODE_ENV: "production",
        PORT: String(PORT),
        DATABASE_URL: database.url,
        TERN_DEMO: "1",
        TERN_DATA_DIR: dataDir,
        NEXTAUTH_SECRET: randomUUID(),
        NEXTAUTH_URL: `http://localhost:${PORT}`,
        BIGCOMMERCE_CLIENT_ID: "",
        BIGCOMMERCE_CLIENT_SECRET: "",
        TELEGRAM_BOT_TOKEN: "",
      },
      log,
      PORT,
    );
    const store = await db().store.findFirstOrThrow({ select: { id: true } });
    log(`watching the demo store for ${MINUTES} min, a look every ${SAMPLE_MS / 1000} s …`);
    const deadline = Date.now() + MINUTES * 60_000;
    let looks = 0;
    let maxOpen = 0;
    const withoutAsk = new Set<number>();
    let waitingBefore = new Set<string>();
    const missed = new Set<number>();
    let looksWithMiss = 0;
    while (Date.now() < deadline) {
      await sleep(SAMPLE_MS);
      looks += 1;
      const open = await openWork(store.id);
      maxOpen = Math.max(maxOpen, open.length);
      // An order ticket in Open that nothing asked a person about (no customer message, no reason, not a return).
      for (const ticket of open) if (ticket.fromOrder && !ticket.customerWrote && !ticket.madeWork && !ticket.isReturn) withoutAsk.add(ticket.number);
      // Waiting at two looks in a row (15 s apart): the queue's drain runs every few seconds, so this is a miss.
      const waiting = await waitingWhileRoom(store.id);
      const stillWaiting = waiting.filter((ticket) => waitingBefore.has(ticket.id));
      for (const ticket of stillWaiting) missed.add(ticket.number);
      if (stillWaiting.length) looksWithMiss += 1;
      waitingBefore = new Set(waiting.map((ticket) => ticket.id));
      if (looks % 8 === 0) {
        const now = await counts(store.id);
        log(`${fmt((looks * SAMPLE_MS) / 60_000, 0)} min: ${now.tickets} tickets, ${open.length} in Open, ${now.watchedOpen} watched; waiting while an agent had room: ${missed.size}`);
      }
    }
    const end = await counts(store.id);
    const open = await openWork(store.id);
    const customerConversations = open.filter((ticket) => ticket.customerWrote).length;
    const otherReasons = open.filter((ticket) => !ticket.customerWrote).length;
    const agents = await db().user.findMany({
      where: { storeId: store.id, role: "AGENT" },
      select: { name: true, capacity: true, _count: { select: { assignedTickets: { where: { status: { notIn: [...UNLOADED_STATUSES] } } } } } },
      orderBy: { name: "asc" },
    });
    const load = agents.map((agent) => `${agent.name} ${agent._count.assignedTickets}/${agent.capacity}`).join(", ");
    log(`done: ${end.tickets} tickets, ${end.watched} watched; dead letters ${end.dead}`);
    const note = `demo mode with its default traffic for ${MINUTES} min, looked at every ${SAMPLE_MS / 1000} s (${looks} looks)`;
    return [
      {
        benchmark: "demo day",
        metric: `Open view at the end: tickets (a customer wrote / another reason)`,
        value: `${open.length} (${customerConversations} / ${otherReasons})`,
        note: `${note}; at most ${maxOpen} at once; order tickets in Open with nothing asking for a person, at any look: ${withoutAsk.size}; agents' load ${load}`,
      },
      {
        benchmark: "demo day",
        metric: "watched order tickets: total / open at the end; SLA breaches among them",
        value: `${end.watched} / ${end.watchedOpen}; ${end.watchedBreached} breached, ${end.watchedSlaEvents} SLA events`,
        note: `of ${end.tickets} tickets in all; dead letters: ${end.dead}`,
      },
      {
        benchmark: "demo day",
        metric: "customer conversations unassigned at two looks in a row while an agent of their team had room",
        value: `${missed.size} tickets (${looksWithMiss} of ${looks} looks)`,
        note: missed.size ? `tickets ${[...missed].sort((a, b) => a - b).join(", ")}` : "none",
      },
    ];
  } finally {
    await server?.stop();
    await db().$disconnect();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: "demo day", run };
