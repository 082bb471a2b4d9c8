import { CLOCK_STOPPED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { statusListSql } from "@/lib/ticket-lifecycle/status-sql.ts";
import type { Tx } from "@/lib/db/client.ts";
import type { SlaClockKind, TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import type { BusinessCalendar } from "@/lib/ticket-lifecycle/business-hours.ts";
import { addBusinessSeconds, businessSecondsBetween } from "@/lib/ticket-lifecycle/business-time.ts";
import { evaluateClock, type ClockEvaluation } from "./evaluate-clock.ts";
import { loadStoreSlaSetup } from "@/lib/ticket-lifecycle/load-store-sla-setup.ts";
import { resolveTicketSla, type StoreSlaSetup } from "@/lib/ticket-lifecycle/resolve-ticket-sla.ts";

export type OpenClockTicket = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: string | null;
  assignee: { id: string; name: string; teamId: string | null } | null;
  teamId: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
};

export type OpenClock = ClockEvaluation & {
  ticket: OpenClockTicket;
  kind: SlaClockKind;
  dueAt: Date;
  targetSeconds: number;
  warnAtShare: number;
};


/**
 * Since when each answered ticket has been waiting for the team's next reply: the first customer
 * message after the last reply. Only asked when a policy of the store sets a next-response target.
 */
async function awaitingReplySince(tx: Tx, storeId: string): Promise<Map<string, Date>> {
  const rows = await tx.$queryRaw<{ id: string; since: Date }[]>`
    SELECT t.id, w.since
    FROM "Ticket" t
    CROSS JOIN LATERAL (
      SELECT min(m."createdAt") AS since FROM "Message" m
      WHERE m."ticketId" = t.id AND m.kind = 'INBOUND'
        AND m."createdAt" > COALESCE(
          (SELECT max(o."createdAt") FROM "Message" o WHERE o."ticketId" = t.id AND o.kind = 'OUTBOUND'),
          t."firstResponseAt")
    ) w
    WHERE t."storeId" = ${storeId}::uuid
      AND t."firstResponseAt" IS NOT NULL
      AND t.status NOT IN (${statusListSql(CLOCK_STOPPED_STATUSES)})
      AND w.since IS NOT NULL`;
  return new Map(rows.map((row) => [row.id, row.since]));
}

/**
 * The target a stored due time was computed with: the business time from the clock's start (when
 * the ticket became work) to the due time,
 * less the time given back for waiting on the customer. Measuring against this rather than the
 * policy's current target keeps shares right when a policy is edited or deleted after the ticket
 * was created (its due times were fixed then).
 */
function targetOf(startedAt: Date, dueAt: Date, pausedSeconds: number, calendar: BusinessCalendar | null): number {
  return Math.max(1, businessSecondsBetween(startedAt, dueAt, calendar) - pausedSeconds);
}

/**
 * Every running SLA clock of the store at `now` with where it stands: first response until the
 * first reply, next response while a customer message waits for an answer, resolution until
 * resolved. The scheduler acts on these and the dashboard shows them, so both agree on what is at
 * risk. The warning share and business hours come from the policy that governs each ticket now.
 */
export async function listOpenClocks(tx: Tx, input: { storeId: string; now: Date; setup?: StoreSlaSetup }): Promise<OpenClock[]> {
  const { storeId, now } = input;
  const setup = input.setup ?? (await loadStoreSlaSetup(tx, storeId));
  const tickets = await tx.ticket.findMany({
    // A watched ticket has no clock until it becomes work.
    where: { storeId, status: { notIn: [...CLOCK_STOPPED_STATUSES] }, workSince: { not: null } },
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      priority: true,
      category: true,
      teamId: true,
      assignee: { select: { id: true, name: true, teamId: true } },
      customer: { select: { tier: true } },
      firstResponseAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      firstResponseBreached: true,
      resolutionBreached: true,
      workSince: true,
      pausedSeconds: true,
    },
  });
  const tracksNextResponse = setup.policies.some((policy) => policy.nextResponseSeconds !== null && policy.nextResponseSeconds !== undefined);
  const awaiting = tracksNextResponse ? await awaitingReplySince(tx, storeId) : new Map<string, Date>();

  const clocks: OpenClock[] = [];
  for (const row of tickets) {
    const sla = resolveTicketSla(setup, { priority: row.priority, tier: row.customer?.tier ?? "STANDARD" });
    const ticket: OpenClockTicket = {
      id: row.id,
      number: row.number,
      subject: row.subject,
      status: row.status,
      priority: row.priority,
      category: row.category,
      assignee: row.assignee,
      teamId: row.teamId,
      firstResponseBreached: row.firstResponseBreached,
      resolutionBreached: row.resolutionBreached,
    };
    const add = (kind: SlaClockKind, dueAt: Date, targetSeconds: number) =>
      clocks.push({
        ticket,
        kind,
        dueAt,
        targetSeconds,
        warnAtShare: sla.warnAtShare,
        ...evaluateClock({ now, dueAt, targetSeconds, warnAtShare: sla.warnAtShare, calendar: sla.calendar }),
      });
    if (!row.firstResponseAt && row.firstResponseDueAt) {
      add("FIRST_RESPONSE", row.firstResponseDueAt, targetOf(row.workSince!, row.firstResponseDueAt, row.pausedSeconds, sla.calendar));
    }
    const since = awaiting.get(row.id);
    if (since && sla.nextResponseSeconds) add("NEXT_RESPONSE", addBusinessSeconds(since, sla.nextResponseSeconds, sla.calendar), sla.nextResponseSeconds);
    if (row.resolutionDueAt) add("RESOLUTION", row.resolutionDueAt, targetOf(row.workSince!, row.resolutionDueAt, row.pausedSeconds, sla.calendar));
  }
  return clocks;
}
