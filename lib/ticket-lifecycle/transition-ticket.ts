import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { loadTicketSlaCalendarInTx } from "./load-ticket-sla-calendar.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import { setAssigneeInTx } from "@/lib/tickets/set-assignee.ts";
import { slaStampsForTransition } from "./sla-clock.ts";
import { STATUS_LABELS } from "./status-labels.ts";
import { snoozeAfterMove } from "./snooze.ts";
import { canTransition } from "./status-machine.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";

export type TransitionInput = {
  storeId: string;
  ticketId: string;
  to: TicketStatus;
  /** The user making the change; null or absent for the system (webhooks, SLA jobs). */
  actorId?: string | null;
  reason?: string;
  /** Sets (or with null clears) the assignee in the same change, e.g. a claim into Agent Assigned. */
  assigneeId?: string | null;
  now?: Date;
};

/** `messages` holds every entry written (an assignment entry, then the status one); `activity` is the status entry. */
export type TransitionResult = TicketChange & { from: TicketStatus; to: TicketStatus; activity: MessageDto };

/**
 * THE status change. Every status write in Tern goes through here: it locks the ticket, checks the
 * move against the state machine, stamps the SLA clocks and records the activity entry, so no
 * caller can skip one of the three. For callers already inside a transaction; they record the change (ticket-change.ts).
 */
export async function transitionTicketInTx(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const { storeId, ticketId, to } = input;
  const actorId = input.actorId ?? null;
  await lockTicket(tx, storeId, ticketId);
  const current = await tx.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: {
      status: true,
      assigneeId: true,
      waitingSince: true,
      pausedSeconds: true,
      firstResponseAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
    },
  });
  if (!current) throw new AppError("NOT_FOUND", "Ticket not found");

  const from = current.status;
  const hasAssignee = input.assigneeId === undefined ? current.assigneeId !== null : input.assigneeId !== null;
  const check = canTransition(from, to, { hasAssignee });
  if (!check.ok) throw new AppError("INVALID_TRANSITION", check.reason, { from, to });

  const messages: MessageDto[] = [];
  if (input.assigneeId !== undefined) {
    const assignment = await setAssigneeInTx(tx, { storeId, ticketId, assigneeId: input.assigneeId, actorId });
    if (assignment) messages.push(assignment);
  }

  const now = input.now ?? new Date();
  // Only ending a pause needs the policy's business hours: the pause is measured in them.
  const calendar = from === "WAITING_ON_CUSTOMER" ? await loadTicketSlaCalendarInTx(tx, storeId, ticketId) : null;
  // A reopened conversation was not resolved without an agent after all: it leaves the deflection figures.
  const reopened = from === "RESOLVED" && to !== "CLOSED" ? { selfServiceResolvedAt: null } : {};
  const row = await tx.ticket.update({
    where: { id: ticketId, storeId },
    data: { status: to, ...slaStampsForTransition(current, to, now, calendar), ...snoozeAfterMove(to), ...reopened },
    select: ticketDtoSelect,
  });
  const activity = await createActivityInTx(tx, {
    storeId,
    ticketId,
    actorId,
    body: `Status changed from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}`,
    meta: { type: "status", from, to, reason: input.reason ?? null },
  });
  messages.push(activity);
  return { ticket: toTicketDto(row), messages, activity, from, to };
}

/** A status change in its own transaction, with its events. */
export async function transitionTicket(db: Db, input: TransitionInput): Promise<TransitionResult> {
  return commitTicketChange(db, input.storeId, (tx) => transitionTicketInTx(tx, input));
}
