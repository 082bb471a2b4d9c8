import type { Db } from "@/lib/db/client.ts";
import { routeTicketInTx } from "@/lib/routing/route-ticket.ts";
import { FINISHED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import { recordTicketChangeInTx } from "@/lib/tickets/ticket-change.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { KB_HOLD_MINUTES } from "./offer-kb-answer.ts";

/**
 * Ends the holds of knowledge-base offers whose reading time ran out: a conversation the customer
 * neither answered nor wrote in again becomes work and goes to the queue's routing, saying why.
 * (An answer or a new message already made it work, or resolved it: then the hold just ends.)
 * Safe on several instances at once: each offer is re-read under its ticket's lock.
 */
export async function endKbHolds(db: Db, now: Date = new Date(), batch = 100): Promise<number> {
  const due = await db.kbOffer.findMany({
    where: { heldUntil: { lte: now } },
    orderBy: { heldUntil: "asc" },
    take: batch,
    select: { id: true, storeId: true, ticketId: true },
  });
  let handedOver = 0;
  for (const { id, storeId, ticketId } of due) {
    const changed = await db.$transaction(async (tx) => {
      await lockTicket(tx, storeId, ticketId);
      const { count } = await tx.kbOffer.updateMany({ where: { id, storeId, heldUntil: { lte: now } }, data: { heldUntil: null } });
      if (count === 0) return false;
      const ticket = await tx.ticket.findFirst({ where: { id: ticketId, storeId }, select: { status: true, workSince: true } });
      if (!ticket || ticket.workSince !== null || FINISHED_STATUSES.includes(ticket.status)) return false;
      const work = await makeWorkInTx(tx, { storeId, ticketId, reason: `the customer did not answer the knowledge-base article within ${KB_HOLD_MINUTES} minutes`, actorId: null, now });
      if (!work) return false;
      const routed = await routeTicketInTx(tx, { storeId, ticketId, respectQueueOrder: true, now });
      await recordTicketChangeInTx(tx, storeId, { ticket: routed.ticket, messages: [...work.messages, ...routed.messages] });
      return true;
    }, TICKET_TX_OPTIONS);
    if (changed) handedOver += 1;
  }
  return handedOver;
}
