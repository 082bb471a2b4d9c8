import type { Tx } from "@/lib/db/client.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";

/**
 * Puts an assigned-but-not-started ticket back in the queue, unassigned, with the reason in the
 * thread. Null when, under the lock, the ticket turns out to have moved on (the caller chose it
 * from an unlocked read: the agent may have just replied).
 */
export async function requeueTicketInTx(
  tx: Tx,
  input: { storeId: string; ticketId: string; fromAssigneeId: string; reason: string; now?: Date },
): Promise<TicketChange | null> {
  const { storeId, ticketId } = input;
  await lockTicket(tx, storeId, ticketId);
  const current = await tx.ticket.findFirst({ where: { id: ticketId, storeId }, select: { status: true, assigneeId: true } });
  if (current?.status !== "AGENT_ASSIGNED" || current.assigneeId !== input.fromAssigneeId) return null;
  const moved = await transitionTicketInTx(tx, {
    storeId,
    ticketId,
    to: "AWAITING_AGENT",
    assigneeId: null,
    actorId: null,
    reason: input.reason,
    now: input.now,
  });
  return { ticket: moved.ticket, messages: moved.messages };
}
