import type { Tx } from "@/lib/db/client.ts";
import type { TicketPriority } from "@/lib/generated/prisma/enums.ts";
import { updateTicketInTx } from "@/lib/tickets/update-ticket.ts";
import { escalationMoves } from "@/lib/ticket-lifecycle/event-moves.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { addSystemNoteInTx, moveOrderTicketInTx, type OrderTicket } from "./order-ticket.ts";

const RANK: Record<TicketPriority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/**
 * order.refund.requested (Awaiting Agent → Priority Queue): the escalation policy as it stands
 * today, raise the priority (High; Urgent for a dispute, a chargeback has a deadline) and move the
 * ticket into the priority queue. Never lowers a priority. Policy-driven escalation (thresholds,
 * level-2 team) belongs to the SLA engine and runs on top of this.
 */
export async function escalateOrderTicketInTx(
  tx: Tx,
  input: { storeId: string; ticket: OrderTicket; priority: "HIGH" | "URGENT"; note: string; changes: OrderTicketChanges; now: Date },
): Promise<void> {
  const { storeId, ticket, changes } = input;
  await addSystemNoteInTx(tx, { storeId, ticket, body: input.note, meta: { type: "escalation", priority: input.priority }, changes });
  if (RANK[ticket.priority] < RANK[input.priority]) {
    const updated = await updateTicketInTx(tx, { storeId, ticketId: ticket.id, actorId: null, patch: { priority: input.priority }, now: input.now });
    ticket.priority = updated.ticket.priority;
    recordChange(changes, ticket.id, updated.messages);
  }
  const work = await makeWorkInTx(tx, {
    storeId,
    ticketId: ticket.id,
    reason: input.priority === "URGENT" ? "the order is disputed" : "a refund was requested",
    actorId: null,
    now: input.now,
  });
  if (work) recordChange(changes, ticket.id, work.messages);
  for (const to of escalationMoves(ticket.status)) {
    await moveOrderTicketInTx(tx, { storeId, ticket, to, reason: "Refund requested: escalation policy", changes, now: input.now });
  }
}
