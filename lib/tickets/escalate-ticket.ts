import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { lockTicket } from "./lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { setTeamInTx } from "./set-team.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "./ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";

export type EscalateTicketInput = { storeId: string; ticketId: string; actorId: string | null; reason?: string; now?: Date };

/** The store's first level-2 (or higher) team: where escalated tickets go. */
async function escalationTeam(tx: Tx, storeId: string): Promise<{ id: string } | null> {
  return tx.team.findFirst({ where: { storeId, level: { gt: 1 } }, orderBy: [{ level: "asc" }, { name: "asc" }], select: { id: true } });
}

/**
 * An agent escalates by hand: status Escalated (through the transition), handed to the
 * level-2 team's queue. The agent lets go of it so level-2 agents can claim it.
 */
export async function escalateTicketInTx(tx: Tx, input: EscalateTicketInput): Promise<TicketChange> {
  const { storeId, ticketId } = input;
  const actorId = input.actorId ?? null;
  await lockTicket(tx, storeId, ticketId);
  const current = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: { status: true } });
  if (current.status === "ESCALATED") throw new AppError("CONFLICT", "The ticket is already escalated");
  const messages: MessageDto[] = [];
  const team = await escalationTeam(tx, storeId);
  if (team) {
    const moved = await setTeamInTx(tx, { storeId, ticketId, teamId: team.id, actorId, reason: "escalated" });
    if (moved) messages.push(moved);
  }
  const reason = input.reason?.trim() ? `Escalated: ${input.reason.trim()}` : "Escalated";
  const escalated = await transitionTicketInTx(tx, { storeId, ticketId, to: "ESCALATED", assigneeId: null, actorId, reason, now: input.now });
  messages.push(...escalated.messages);
  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return { ticket: toTicketDto(row), messages };
}

export async function escalateTicket(db: Db, input: EscalateTicketInput): Promise<TicketChange> {
  return commitTicketChange(db, input.storeId, (tx) => escalateTicketInTx(tx, input));
}
