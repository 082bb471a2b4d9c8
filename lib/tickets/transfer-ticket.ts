import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { assignTicketInTx } from "./assign-ticket.ts";
import { lockTicket } from "./lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { setTeamInTx } from "./set-team.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "./ticket-dto.ts";

export type TransferTicketInput = {
  storeId: string;
  ticketId: string;
  actorId: string | null;
  /** The team to hand the ticket to (null: no team). */
  teamId?: string | null;
  /** The agent to hand it to (null: back to the queue). */
  assigneeId?: string | null;
};

/**
 * Hands a ticket to another team and/or agent in one change. Moving to a team whose members do
 * not include the current agent puts the ticket back in that team's queue, unless an agent is given.
 */
export async function transferTicket(db: Db, input: TransferTicketInput): Promise<TicketChange> {
  const { storeId, ticketId, actorId } = input;
  if (input.teamId === undefined && input.assigneeId === undefined) throw new AppError("UNPROCESSABLE", "Choose a team or an agent to transfer to");
  return commitTicketChange(db, storeId, async (tx) => {
    await lockTicket(tx, storeId, ticketId);
    const messages: MessageDto[] = [];
    if (input.teamId !== undefined) {
      const moved = await setTeamInTx(tx, { storeId, ticketId, teamId: input.teamId, actorId });
      if (moved) messages.push(moved);
    }
    let assigneeId = input.assigneeId;
    if (assigneeId === undefined && input.teamId) {
      const current = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: { assignee: { select: { teamId: true } } } });
      if (current.assignee && current.assignee.teamId !== input.teamId) assigneeId = null;
    }
    if (assigneeId !== undefined) {
      const assigned = await assignTicketInTx(tx, { storeId, ticketId, assigneeId, actorId });
      messages.push(...assigned.messages);
    }
    const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
    return { ticket: toTicketDto(row), messages };
  });
}
