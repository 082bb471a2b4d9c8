import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { lockTicket } from "./lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { setAssigneeInTx } from "./set-assignee.ts";
import { isQueued, isWorking } from "@/lib/ticket-lifecycle/status-machine.ts";
import { ticketDtoSelect, toTicketDto } from "./ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";
import type { MessageDto } from "./ticket-dto.ts";

export type AssignTicketInput = {
  storeId: string;
  ticketId: string;
  /** null unassigns. */
  assigneeId: string | null;
  actorId?: string | null;
  now?: Date;
};

/**
 * Assigns or unassigns, moving the status with it: a queued ticket that gets an agent becomes
 * Agent Assigned, a worked ticket that loses its agent goes back to Awaiting Agent. Other
 * statuses (waiting on the customer, resolved) keep their status.
 */
export async function assignTicketInTx(tx: Tx, input: AssignTicketInput): Promise<TicketChange> {
  const { storeId, ticketId, assigneeId } = input;
  const actorId = input.actorId ?? null;
  await lockTicket(tx, storeId, ticketId);
  const current = await tx.ticket.findFirst({ where: { id: ticketId, storeId }, select: { status: true, assigneeId: true } });
  if (!current) throw new AppError("NOT_FOUND", "Ticket not found");
  if (current.status === "CLOSED") throw new AppError("CONFLICT", "A closed ticket cannot be reassigned");
  if (current.assigneeId === assigneeId) {
    const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
    return { ticket: toTicketDto(row), messages: [] };
  }

  // A watched ticket someone takes is work from now: routing never assigns one by itself.
  const work = assigneeId !== null ? await makeWorkInTx(tx, { storeId, ticketId, reason: "an agent took it", actorId, now: input.now ?? new Date() }) : null;
  const before: MessageDto[] = work?.messages ?? [];
  const claimsFromQueue = assigneeId !== null && (current.status === "OPEN" || isQueued(current.status));
  const leavesWork = assigneeId === null && isWorking(current.status);
  if (claimsFromQueue || leavesWork) {
    const moved = await transitionTicketInTx(tx, {
      storeId,
      ticketId,
      to: claimsFromQueue ? "AGENT_ASSIGNED" : "AWAITING_AGENT",
      assigneeId,
      actorId,
      reason: claimsFromQueue ? "Assigned" : "Unassigned",
      now: input.now,
    });
    return { ticket: moved.ticket, messages: [...before, ...moved.messages] };
  }

  const activity = await setAssigneeInTx(tx, { storeId, ticketId, assigneeId, actorId });
  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return { ticket: toTicketDto(row), messages: activity ? [...before, activity] : before };
}

export async function assignTicket(db: Db, input: AssignTicketInput): Promise<TicketChange> {
  return commitTicketChange(db, input.storeId, (tx) => assignTicketInTx(tx, input));
}
