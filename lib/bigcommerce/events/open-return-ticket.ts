import { FINISHED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import type { Tx } from "@/lib/db/client.ts";
import { createTicketInTx } from "@/lib/tickets/create-ticket.ts";
import type { SavedOrderSnapshot } from "../save-order-snapshot.ts";
import { returnParentMove } from "@/lib/ticket-lifecycle/event-moves.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { addSystemNoteInTx, moveOrderTicketInTx, orderTicketSelect, type OrderTicket } from "./order-ticket.ts";

/**
 * product.return.initiated (Open → Return Processing): a sub-ticket for the return, linked to the
 * order's ticket, in Return Processing; the parent gets a note pointing at it and, unless
 * escalated or finished, moves to Return Processing too. One return at a time per order: while a
 * return sub-ticket is still open, further signals (a status, a message, the return request
 * itself) are the same return and become notes on it.
 */
export async function openReturnTicketInTx(
  tx: Tx,
  input: { storeId: string; parent: OrderTicket; snapshot: SavedOrderSnapshot; origin: string; detail?: string; changes: OrderTicketChanges; now: Date },
): Promise<void> {
  const { storeId, parent, changes } = input;
  const orderId = input.snapshot.bundle.order.id;
  const open = await tx.ticket.findFirst({
    where: { storeId, parentTicketId: parent.id, tags: { has: "return" }, status: { notIn: [...FINISHED_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: orderTicketSelect,
  });
  if (open) {
    const body = `Return signal (${input.origin}) for the return already in progress.${input.detail ? `\n${input.detail}` : ""}`;
    await addSystemNoteInTx(tx, { storeId, ticket: open, body, meta: { type: "return" }, changes });
    return;
  }
  const created = await createTicketInTx(tx, {
    storeId,
    subject: `Return for order #${orderId}`,
    body: input.detail?.trim() || undefined,
    source: "BIGCOMMERCE",
    customerId: parent.customerId ?? undefined,
    bigcommerceOrderId: orderId,
    parentTicketId: parent.id,
    tags: ["return"],
    actorId: null,
    now: input.now,
  });
  await tx.ticket.update({ where: { id: created.ticket.id, storeId }, data: { orderSnapshotId: input.snapshot.id }, select: { id: true } });
  recordChange(changes, created.ticket.id, created.messages, { created: true });
  const child: OrderTicket = {
    id: created.ticket.id,
    number: created.ticket.number,
    status: created.ticket.status,
    priority: created.ticket.priority,
    assigneeId: created.ticket.assignee?.id ?? null,
    customerId: created.ticket.customer?.id ?? null,
  };
  await addSystemNoteInTx(tx, {
    storeId,
    ticket: child,
    body: `Return requested for order #${orderId} (${input.origin}). Parent ticket: #${parent.number}.`,
    meta: { type: "return", parentTicketId: parent.id },
    changes,
  });
  await moveOrderTicketInTx(tx, { storeId, ticket: child, to: "RETURN_PROCESSING", reason: "Return requested", changes, now: input.now });

  await addSystemNoteInTx(tx, {
    storeId,
    ticket: parent,
    body: `Return requested (${input.origin}): sub-ticket #${child.number} opened.${input.detail ? `\n${input.detail}` : ""}`,
    meta: { type: "return", subTicketId: child.id },
    changes,
  });
  await moveOrderTicketInTx(tx, { storeId, ticket: parent, to: returnParentMove(parent.status), reason: "Return requested", changes, now: input.now });
}
