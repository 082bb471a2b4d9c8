import type { Tx } from "@/lib/db/client.ts";
import { linkBigcommerceCustomerInTx } from "../link-bigcommerce-customer.ts";
import { lockOrderInTx } from "../lock-order.ts";
import { ORDER_STATUS, type BigcommerceOrder } from "../bigcommerce-types.ts";
import { completeOrderBundle, isStatusRead, type OrderStatusRead } from "../fetch-order-bundle.ts";
import { bundleFromSnapshot, prepareOrderSnapshotInTx, writeOrderSnapshotInTx, type ThreadMemory } from "../save-order-snapshot.ts";
import { appendCustomerMessageInTx, orderMessageExternalId, type IncomingOrderMessage } from "./append-customer-message.ts";
import { createOrderTicketInTx } from "./create-order-ticket.ts";
import { escalateOrderTicketInTx } from "./escalate-order-ticket.ts";
import { openReturnTicketInTx } from "./open-return-ticket.ts";
import type { OrderBundle } from "./order-bundle.ts";
import { statusNoteMove } from "@/lib/ticket-lifecycle/event-moves.ts";
import { customerNameOf } from "./order-summary.ts";
import { isRefundedStatus, readOrderNews, statusChangeNote, trackingKey } from "./order-news.ts";
import { newChanges, recordChange, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { statusNeedingPerson } from "./order-work.ts";
import { loadRoutingSettings } from "@/lib/routing/load-routing-settings.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";
import { addSystemNoteInTx, findOrderTicketInTx, moveOrderTicketInTx } from "./order-ticket.ts";
import type { BigcommerceEvent } from "./read-bigcommerce-event.ts";
import { sendShipmentNoticeInTx } from "./send-shipment-notice.ts";
import { readTernRefundsInTx } from "./tern-refunds.ts";

export type OrderScopedEvent = Extract<BigcommerceEvent, { orderId: number }>;

export type OrderEventWork = {
  storeId: string;
  event: OrderScopedEvent;
  /** The order as read for this event (API, seed payload or stored copy), or a status change's read. */
  bundle: OrderBundle | OrderStatusRead;
  /** Customer-written order messages the event brought (orderMessage events). */
  messages: IncomingOrderMessage[];
  now: Date;
};

/** The order still names the buyer Tern linked it to: same BigCommerce customer and billing email. */
export function sameBuyer(stored: BigcommerceOrder, current: BigcommerceOrder): boolean {
  const email = (order: BigcommerceOrder) => order.billing_address?.email?.trim().toLowerCase() ?? "";
  return stored.customer_id === current.customer_id && email(stored) === email(current);
}

/**
 * A status change was read without the order's products and addresses, and Tern has no copy to
 * take them from: the event must be gathered again with a full read (process-bigcommerce-event.ts).
 */
export class OrderNotStoredError extends Error {
  override name = "OrderNotStoredError";
}

async function unseenMessages(tx: Tx, storeId: string, orderId: number, messages: IncomingOrderMessage[]): Promise<IncomingOrderMessage[]> {
  if (messages.length === 0) return [];
  const ids = messages.map((message) => orderMessageExternalId(orderId, message.key));
  const seen = await tx.message.findMany({ where: { storeId, channel: "BIGCOMMERCE", externalId: { in: ids } }, select: { externalId: true } });
  const seenIds = new Set(seen.map((row) => row.externalId));
  return messages.filter((message) => !seenIds.has(orderMessageExternalId(orderId, message.key)));
}

/**
 * Applies one BigCommerce event to the order's thread, in one transaction, under the order's lock.
 * It works from state, not from the event alone: the order as now known is compared with what the
 * thread has already been told (noted status, tracking sent, refunds and returns seen, messages
 * stored), and only the difference is acted on. So a duplicate, a late "created" after an
 * "updated", or two workers on one order all end with one ticket and each note, message and
 * escalation written once, and a missed webhook is made up by the next event for the order.
 * Returns the events of what changed, for the caller to record before it commits.
 */
export async function applyOrderEventInTx(tx: Tx, work: OrderEventWork): Promise<OrderTicketChanges> {
  const { storeId, event, now } = work;
  const orderId = work.bundle.order.id;
  const stored = await lockOrderInTx(tx, storeId, orderId);
  let read: OrderBundle;
  if (!isStatusRead(work.bundle)) read = work.bundle;
  else if (stored) read = completeOrderBundle(work.bundle, bundleFromSnapshot(stored));
  else throw new OrderNotStoredError(`Order ${orderId} has no copy in Tern to complete a status change with`);

  const snapshot = await prepareOrderSnapshotInTx(tx, {
    storeId,
    stored,
    bundle: read,
    // The buyer was linked when the order was first saved: look the customer up again only when
    // the order now names someone else (most events are status changes of the same order).
    linkCustomer: async (previous) => {
      if (previous?.customerId && sameBuyer(previous.order, read.order)) return previous.customerId;
      const customer = await linkBigcommerceCustomerInTx(tx, storeId, {
        bigcommerceCustomerId: read.order.customer_id,
        email: read.order.billing_address?.email,
        name: customerNameOf(read),
      });
      return customer?.id ?? null;
    },
  });
  const { bundle } = snapshot;
  const messages = await unseenMessages(tx, storeId, orderId, work.messages);
  const statusNow = snapshot.statusId ?? bundle.order.status_id;
  // Only a refund (or a refund status) can be Tern's own doing: the rest never reads the actions.
  const ternRefunds = event.type === "refund" || isRefundedStatus(statusNow) ? await readTernRefundsInTx(tx, { storeId, orderId, now }) : undefined;
  const news = readOrderNews({ event, bundle, statusId: statusNow, memory: snapshot, messages, ternRefunds });
  const { statusId, statusName, noted, refundKey, escalate, trackings, newReturns, attention } = news;

  const changes = newChanges(storeId);
  // The order read and what the thread was told go to the snapshot in one write, at the end.
  const remember = (memory: Partial<ThreadMemory> & { notedStatusId: number }) => writeOrderSnapshotInTx(tx, snapshot, memory);

  let ticket = await findOrderTicketInTx(tx, storeId, orderId);
  if (!ticket || ticket.status === "CLOSED") {
    // No live thread. A new order gets its ticket (unless BigCommerce still calls it Incomplete:
    // an abandoned or failed payment, not an order yet); an order whose ticket was closed gets a
    // follow-up only for news someone must act on, not for routine status changes.
    const wanted = ticket ? attention : statusId !== ORDER_STATUS.INCOMPLETE || attention;
    if (!wanted) {
      await remember({ notedStatusId: statusId });
      return changes;
    }
    // Routing a new ticket reads the order's value from the snapshot row: the read goes there first.
    await writeOrderSnapshotInTx(tx, snapshot);
    ticket = await createOrderTicketInTx(tx, { storeId, snapshot, followUpOf: ticket?.number, changes, now });
  } else if (news.statusChanged && noted !== null) {
    await addSystemNoteInTx(tx, { storeId, ticket, ...statusChangeNote(news, noted, snapshot.previous), changes });
    // An escalation below decides the status instead.
    if (!escalate) await moveOrderTicketInTx(tx, { storeId, ticket, to: statusNoteMove(ticket.status), reason: "Order status changed", changes, now });
    // A status the supervisor counts as needing a person (a declined payment) makes a watched ticket work.
    const needsPerson = statusNeedingPerson(await loadRoutingSettings(tx, storeId), statusId);
    const work = needsPerson ? await makeWorkInTx(tx, { storeId, ticketId: ticket.id, reason: needsPerson, actorId: null, now }) : null;
    if (work) recordChange(changes, ticket.id, work.messages);
  }

  if (trackings.length) {
    const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { timeZone: true } });
    for (const shipment of trackings) await sendShipmentNoticeInTx(tx, { storeId, ticket, snapshot, shipment, timeZone: store.timeZone, changes, now });
  }
  for (const message of messages) await appendCustomerMessageInTx(tx, { storeId, ticket, orderId, message, changes, now });
  if (newReturns.length) await writeOrderSnapshotInTx(tx, snapshot);
  for (const entry of newReturns) await openReturnTicketInTx(tx, { storeId, parent: ticket, snapshot, origin: entry.origin, detail: entry.detail, changes, now });
  if (escalate) {
    const detail = event.type === "refund" && refundKey ? [refundKey.startsWith("refund:") ? `refund ${refundKey.slice(7)}` : null, event.detail].filter(Boolean).join(", ") : "";
    const note = refundKey
      ? `Refund requested on order #${orderId}${detail ? ` (${detail})` : ""}. Order status: ${statusName}.`
      : `Order #${orderId} is now ${statusName}.`;
    await escalateOrderTicketInTx(tx, { storeId, ticket, priority: statusId === ORDER_STATUS.DISPUTED ? "URGENT" : "HIGH", note, changes, now });
  }

  await remember({
    notedStatusId: statusId,
    notifiedTracking: [...snapshot.notifiedTracking, ...trackings.map(trackingKey)],
    seenRefundIds: refundKey ? [...snapshot.seenRefundIds, refundKey] : snapshot.seenRefundIds,
    seenReturnKeys: [...snapshot.seenReturnKeys, ...newReturns.map((entry) => entry.key)],
  });
  return changes;
}
