import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { assignTicketInTx } from "./assign-ticket.ts";
import { lockTicket } from "./lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { WORKING_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { ticketDtoSelect, toTicketDto } from "./ticket-dto.ts";

export type ClaimTicketInput = { storeId: string; ticketId: string; userId: string; now?: Date };

/**
 * An agent takes an unassigned ticket. Atomic twice over: the ticket lock means two agents
 * claiming at once get one winner and one "already claimed"; the agent's user-row lock means
 * the same agent claiming two tickets at once cannot pass their capacity.
 */
export async function claimTicketInTx(tx: Tx, input: ClaimTicketInput): Promise<TicketChange> {
  const { storeId, ticketId, userId } = input;
  await lockTicket(tx, storeId, ticketId);
  const ticket = await tx.ticket.findFirstOrThrow({
    where: { id: ticketId, storeId },
    select: { status: true, assigneeId: true, assignee: { select: { name: true } } },
  });
  if (ticket.assigneeId === userId) {
    const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
    return { ticket: toTicketDto(row), messages: [] };
  }
  if (ticket.assignee) throw new AppError("CONFLICT", `Already claimed by ${ticket.assignee.name}`);
  if (ticket.status === "CLOSED" || ticket.status === "RESOLVED") throw new AppError("CONFLICT", "A resolved or closed ticket cannot be claimed");

  const locked = await tx.$queryRaw<{ capacity: number }[]>`
    SELECT capacity FROM "User" WHERE id = ${userId}::uuid AND "storeId" = ${storeId}::uuid AND "disabledAt" IS NULL FOR UPDATE`;
  const capacity = locked[0]?.capacity;
  if (capacity === undefined) throw new AppError("FORBIDDEN", "Only active users of this store can claim tickets");
  const load = await tx.ticket.count({ where: { storeId, assigneeId: userId, status: { in: [...WORKING_STATUSES] } } });
  if (load >= capacity) throw new AppError("CONFLICT", `You are at your capacity (${load} of ${capacity} open tickets)`);

  return assignTicketInTx(tx, { storeId, ticketId, assigneeId: userId, actorId: userId, now: input.now });
}

export async function claimTicket(db: Db, input: ClaimTicketInput): Promise<TicketChange> {
  return commitTicketChange(db, input.storeId, (tx) => claimTicketInTx(tx, input));
}
