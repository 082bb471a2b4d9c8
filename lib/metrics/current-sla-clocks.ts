import type { Tx } from "@/lib/db/client.ts";
import type { SlaClockKind, TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { listOpenClocks, type OpenClock } from "@/lib/sla/list-open-clocks.ts";

export type ClockRow = {
  ticketId: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assignee: string | null;
  kind: SlaClockKind;
  dueAt: string;
  /** Business seconds to the due time; negative once overdue. */
  remainingSeconds: number;
  elapsedShare: number;
};

export type CurrentSlaClocks = { breached: ClockRow[]; atRisk: ClockRow[]; breachedCount: number; atRiskCount: number };

const LIST_LIMIT = 50;

function row(clock: OpenClock): ClockRow {
  return {
    ticketId: clock.ticket.id,
    number: clock.ticket.number,
    subject: clock.ticket.subject,
    status: clock.ticket.status,
    priority: clock.ticket.priority,
    assignee: clock.ticket.assignee?.name ?? null,
    kind: clock.kind,
    dueAt: clock.dueAt.toISOString(),
    // JSON has no infinity: a clock overdue beyond measuring shows as very overdue.
    remainingSeconds: Number.isFinite(clock.remainingSeconds) ? Math.round(clock.remainingSeconds) : -1e9,
    elapsedShare: Number.isFinite(clock.elapsedShare) ? Math.round(clock.elapsedShare * 1000) / 1000 : 1e6,
  };
}

/** Running clocks past due and at risk now: the same evaluation the scheduler acts on. */
export async function currentSlaClocks(tx: Tx, input: { storeId: string; now: Date; teamId?: string | null }): Promise<CurrentSlaClocks> {
  const clocks = (await listOpenClocks(tx, { storeId: input.storeId, now: input.now })).filter(
    (clock) => !input.teamId || (clock.ticket.teamId ?? clock.ticket.assignee?.teamId) === input.teamId,
  );
  const breached = clocks.filter((clock) => clock.state === "breached").sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const atRisk = clocks.filter((clock) => clock.state === "at_risk").sort((a, b) => a.remainingSeconds - b.remainingSeconds);
  return {
    breached: breached.slice(0, LIST_LIMIT).map(row),
    atRisk: atRisk.slice(0, LIST_LIMIT).map(row),
    breachedCount: breached.length,
    atRiskCount: atRisk.length,
  };
}
