import type { Tx } from "@/lib/db/client.ts";
import { createTicketInTx } from "@/lib/tickets/create-ticket.ts";
import type { SavedOrderSnapshot } from "../save-order-snapshot.ts";
import { recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { addSystemNoteInTx, type OrderTicket } from "./order-ticket.ts";
import { orderSummary, orderTicketSubject } from "./order-summary.ts";
import { newOrderTicketWatch } from "./order-work.ts";
import { loadRoutingSettings } from "@/lib/routing/load-routing-settings.ts";

/**
 * order.created (Open → Awaiting Agent): a ticket carrying the order's details, linked to its
 * snapshot and the customer the snapshot is linked to. The customer's checkout comment, if any, is the first (inbound) message;
 * the order's details are a note. Creation goes through createTicketInTx, so the ticket enters
 * the queue (and routing) like every other.
 */
export async function createOrderTicketInTx(
  tx: Tx,
  input: { storeId: string; snapshot: SavedOrderSnapshot; followUpOf?: number; changes: OrderTicketChanges; now: Date },
): Promise<OrderTicket> {
  const { storeId, snapshot } = input;
  const { bundle } = snapshot;
  const created = await createTicketInTx(tx, {
    watch: newOrderTicketWatch(await loadRoutingSettings(tx, storeId), bundle),
    storeId,
    subject: orderTicketSubject(bundle),
    body: bundle.order.customer_message?.trim() || undefined,
    source: "BIGCOMMERCE",
    customerId: snapshot.customerId ?? undefined,
    bigcommerceOrderId: bundle.order.id,
    tags: ["order"],
    actorId: null,
    now: input.now,
  });
  await tx.ticket.update({ where: { id: created.ticket.id, storeId }, data: { orderSnapshotId: snapshot.id }, select: { id: true } });
  recordChange(input.changes, created.ticket.id, created.messages, { created: true });
  const ticket: OrderTicket = {
    id: created.ticket.id,
    number: created.ticket.number,
    status: created.ticket.status,
    priority: created.ticket.priority,
    assigneeId: created.ticket.assignee?.id ?? null,
    customerId: created.ticket.customer?.id ?? null,
  };
  const followUp = input.followUpOf ? `\nFollows up ticket #${input.followUpOf}, which was closed.` : "";
  await addSystemNoteInTx(tx, { storeId, ticket, body: `${orderSummary(bundle)}${followUp}`, meta: { type: "order", orderId: bundle.order.id }, changes: input.changes });
  return ticket;
}
