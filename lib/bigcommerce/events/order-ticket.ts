import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { messageDtoSelect, toMessageDto } from "@/lib/tickets/ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";

/** The order's ticket as the event processor tracks it while applying one event. */
export type OrderTicket = {
  id: string;
  number: number;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  customerId: string | null;
};

export const orderTicketSelect = { id: true, number: true, status: true, priority: true, assigneeId: true, customerId: true } as const;

// Merges chain (A into B, later B into C); a longer chain than this is not followed to its end.
const MAX_MERGE_HOPS = 10;

/**
 * The order's own ticket: the newest top-level BigCommerce ticket for it (sub-tickets for returns
 * and tickets from other channels that mention the order are not it), or, when an agent merged
 * that ticket into another, the ticket it was merged into: the order's news goes where the
 * conversation now is. Closed ones included: the caller decides whether a closed thread gets a
 * follow-up.
 */
export async function findOrderTicketInTx(tx: Tx, storeId: string, orderId: number): Promise<OrderTicket | null> {
  let found = await tx.ticket.findFirst({
    where: { storeId, bigcommerceOrderId: orderId, source: "BIGCOMMERCE", parentTicketId: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...orderTicketSelect, mergedIntoId: true },
  });
  for (let hops = 0; found?.mergedIntoId && hops < MAX_MERGE_HOPS; hops += 1) {
    const target = await tx.ticket.findFirst({ where: { id: found.mergedIntoId, storeId }, select: { ...orderTicketSelect, mergedIntoId: true } });
    if (!target) break;
    found = target;
  }
  if (!found) return null;
  const { mergedIntoId: _mergedIntoId, ...ticket } = found;
  return ticket;
}

// A system note has no author, so its row is the whole DTO: one INSERT … RETURNING, no join.
const { author: _author, ...systemNoteSelect } = messageDtoSelect;

/** An internal note written by Tern itself (no author): what an event told the thread. The ticket row is left as it was. */
export async function addSystemNoteInTx(
  tx: Tx,
  input: { storeId: string; ticket: OrderTicket; body: string; meta: Prisma.InputJsonObject; changes: OrderTicketChanges },
): Promise<void> {
  const row = await tx.message.create({
    data: { storeId: input.storeId, ticketId: input.ticket.id, kind: "NOTE", channel: "INTERNAL", authorId: null, body: input.body, meta: input.meta },
    select: systemNoteSelect,
  });
  recordChange(input.changes, input.ticket.id, [toMessageDto({ ...row, author: null })], { ticketChanged: false });
}

/** A status change through the one transition function; a no-op when already there. */
export async function moveOrderTicketInTx(
  tx: Tx,
  input: { storeId: string; ticket: OrderTicket; to: TicketStatus | null; reason: string; changes: OrderTicketChanges; now: Date },
): Promise<void> {
  const { ticket, to } = input;
  if (!to || ticket.status === to) return;
  const moved = await transitionTicketInTx(tx, { storeId: input.storeId, ticketId: ticket.id, to, actorId: null, reason: input.reason, now: input.now });
  ticket.status = moved.ticket.status;
  ticket.assigneeId = moved.ticket.assignee?.id ?? null;
  recordChange(input.changes, ticket.id, moved.messages);
}
