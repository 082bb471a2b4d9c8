import { CLOCK_STOPPED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import type { Db, Tx } from "@/lib/db/client.ts";
import type { SlaClockKind, SlaEventType } from "@/lib/generated/prisma/enums.ts";
import type { SlaEventPayload } from "@/lib/realtime/events.ts";
import { publishSlaEvent } from "@/lib/realtime/publish.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import { recordTicketChangeInTx, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import { ticketDtoSelect, toTicketDto, type TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { escalateByPolicyInTx } from "./escalate-by-policy.ts";
import { listOpenClocks, type OpenClock } from "./list-open-clocks.ts";
import { loadStoreSlaSetup } from "@/lib/ticket-lifecycle/load-store-sla-setup.ts";
import { pickEscalationPolicy, type EscalationPolicyCandidate } from "./pick-escalation-policy.ts";
import { recordStoppedClocks } from "./record-stopped-clocks.ts";

export type SlaSweepResult = { warnings: number; breaches: number; escalations: number; met: number };

type EventKey = `${string}|${SlaClockKind}|${SlaEventType}|${number}`;

const eventKey = (ticketId: string, kind: SlaClockKind, type: SlaEventType, dueAt: Date): EventKey => `${ticketId}|${kind}|${type}|${dueAt.getTime()}`;

type Outcome = { events: SlaEventPayload[]; change: TicketChange | null; updated: TicketDto | null };

function payload(clock: OpenClock, type: SlaEventType, at: Date): SlaEventPayload {
  return { ticketId: clock.ticket.id, ticketNumber: clock.ticket.number, kind: clock.kind, type, at: at.toISOString(), dueAt: clock.dueAt.toISOString() };
}

/** Inserts the event unless another sweep (another instance) already did: true when it was ours. */
async function recordEvent(tx: Tx, storeId: string, clock: OpenClock, type: SlaEventType, at: Date): Promise<boolean> {
  const { count } = await tx.slaEvent.createMany({
    data: [
      {
        storeId,
        ticketId: clock.ticket.id,
        kind: clock.kind,
        type,
        dueAt: clock.dueAt,
        at,
        assigneeId: clock.ticket.assignee?.id ?? null,
        teamId: clock.ticket.teamId ?? clock.ticket.assignee?.teamId ?? null,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Re-reads the clock under the ticket lock: it must still be running with the same due time. */
async function stillOpen(tx: Tx, storeId: string, clock: OpenClock): Promise<{ escalated: boolean } | null> {
  await lockTicket(tx, storeId, clock.ticket.id);
  const ticket = await tx.ticket.findFirst({
    where: { id: clock.ticket.id, storeId },
    select: { status: true, firstResponseAt: true, firstResponseDueAt: true, resolutionDueAt: true, resolvedAt: true },
  });
  if (!ticket || CLOCK_STOPPED_STATUSES.includes(ticket.status)) return null;
  const due = clock.dueAt.getTime();
  if (clock.kind === "FIRST_RESPONSE" && (ticket.firstResponseAt || ticket.firstResponseDueAt?.getTime() !== due)) return null;
  if (clock.kind === "RESOLUTION" && (ticket.resolvedAt || ticket.resolutionDueAt?.getTime() !== due)) return null;
  return { escalated: ticket.status === "ESCALATED" };
}

/** Breach and escalation of one clock, in one transaction under the ticket lock. */
async function settleClock(
  db: Db,
  storeId: string,
  clock: OpenClock,
  work: { breach: boolean; escalation: EscalationPolicyCandidate | null },
  now: Date,
): Promise<Outcome> {
  return db.$transaction(async (tx): Promise<Outcome> => {
    const outcome: Outcome = { events: [], change: null, updated: null };
    const open = await stillOpen(tx, storeId, clock);
    if (!open) return outcome;
    if (work.breach && (await recordEvent(tx, storeId, clock, "BREACH", clock.dueAt))) {
      outcome.events.push(payload(clock, "BREACH", clock.dueAt));
      if (clock.kind !== "NEXT_RESPONSE") {
        const flag = clock.kind === "FIRST_RESPONSE" ? { firstResponseBreached: true } : { resolutionBreached: true };
        const row = await tx.ticket.update({ where: { id: clock.ticket.id, storeId }, data: flag, select: ticketDtoSelect });
        outcome.updated = toTicketDto(row);
      }
    }
    if (work.escalation && (await recordEvent(tx, storeId, clock, "ESCALATED", now))) {
      outcome.events.push(payload(clock, "ESCALATED", now));
      // Already escalated (by hand or by another clock): the event marks this clock as handled.
      if (!open.escalated) {
        outcome.change = await escalateByPolicyInTx(tx, { storeId, ticketId: clock.ticket.id, kind: clock.kind, policy: work.escalation, now });
      }
    }
    if (outcome.change) await recordTicketChangeInTx(tx, storeId, outcome.change);
    else if (outcome.updated) await recordTicketChangeInTx(tx, storeId, { ticket: outcome.updated, messages: [] });
    return outcome;
  }, TICKET_TX_OPTIONS);
}

async function sweepStore(db: Db, storeId: string, now: Date, result: SlaSweepResult): Promise<void> {
  const setup = await loadStoreSlaSetup(db, storeId);
  const clocks = await listOpenClocks(db, { storeId, now, setup });
  const policies = await db.escalationPolicy.findMany({
    where: { storeId, enabled: true },
    select: { id: true, name: true, category: true, thresholdShare: true, targetTeamId: true, createdAt: true },
  });
  const candidates = clocks.filter((clock) => clock.state !== "ok" || policies.length > 0);
  const recorded = new Set<EventKey>();
  if (candidates.length) {
    const existing = await db.slaEvent.findMany({
      where: { storeId, ticketId: { in: [...new Set(candidates.map((clock) => clock.ticket.id))] } },
      select: { ticketId: true, kind: true, type: true, dueAt: true },
    });
    for (const event of existing) recorded.add(eventKey(event.ticketId, event.kind, event.type, event.dueAt));
  }
  const has = (clock: OpenClock, type: SlaEventType) => recorded.has(eventKey(clock.ticket.id, clock.kind, type, clock.dueAt));

  for (const clock of candidates) {
    const events: SlaEventPayload[] = [];
    if (clock.state === "at_risk" && !has(clock, "WARNING")) {
      // No lock needed: a warning changes nothing on the ticket, and the unique key keeps it single.
      if (await recordEvent(db, storeId, clock, "WARNING", now)) {
        events.push(payload(clock, "WARNING", now));
        result.warnings += 1;
      }
    }
    const policy = pickEscalationPolicy(policies, clock.ticket.category);
    const breach = clock.state === "breached" && !has(clock, "BREACH");
    const escalation = policy && clock.elapsedShare >= policy.thresholdShare && !has(clock, "ESCALATED") ? policy : null;
    if (breach || escalation) {
      const outcome = await settleClock(db, storeId, clock, { breach, escalation }, now);
      events.push(...outcome.events);
      result.breaches += outcome.events.filter((event) => event.type === "BREACH").length;
      if (outcome.change) result.escalations += 1;
    }
    for (const event of events) publishSlaEvent(storeId, event);
  }

  const stopped = await recordStoppedClocks(db, { storeId, now });
  result.met += stopped.filter((event) => event.type === "MET").length;
  result.breaches += stopped.filter((event) => event.type === "BREACH").length;
  for (const event of stopped) publishSlaEvent(storeId, event);
}

/**
 * One pass of the SLA scheduler over every store (or one): warnings at the policy's share, breaches
 * recorded at their due time with the ticket's flag set, escalation policies applied, and clocks
 * that stopped since the last passes recorded as met or late. Idempotent and safe on several
 * instances at once (SlaEvent's unique key; ticket locks for anything that changes a ticket).
 * Everything is published after its transaction commits. `now` makes tests deterministic.
 */
export async function runSlaSweep(db: Db, options: { now?: Date; storeId?: string } = {}): Promise<SlaSweepResult> {
  const now = options.now ?? new Date();
  const result: SlaSweepResult = { warnings: 0, breaches: 0, escalations: 0, met: 0 };
  const stores = options.storeId
    ? [{ id: options.storeId }]
    : await db.store.findMany({ where: { status: { not: "UNINSTALLED" } }, select: { id: true }, orderBy: { id: "asc" } });
  for (const store of stores) await sweepStore(db, store.id, now, result);
  return result;
}
