import { ORDER_STATUS, ORDER_STATUS_NAMES, type BigcommerceShipment } from "../bigcommerce-types.ts";
import type { ThreadMemory } from "../save-order-snapshot.ts";
import type { IncomingOrderMessage } from "./append-customer-message.ts";
import type { OrderBundle } from "./order-bundle.ts";
import { orderStatusName } from "./order-summary.ts";
import type { BigcommerceEvent } from "./read-bigcommerce-event.ts";

const REFUND_STATUSES: readonly number[] = [ORDER_STATUS.REFUNDED, ORDER_STATUS.PARTIALLY_REFUNDED, ORDER_STATUS.DISPUTED];
// A merchant's custom status label (e.g. "Return requested") or a customer's words that start a return.
const RETURN_STATUS = /\breturn/i;
const RETURN_WORDS = /\b(return|returning|rma|send (it|them) back)\b/i;

export type OrderReturnSignal = { key: string; origin: string; detail?: string };

/** What an order event brings that the order's thread has not been told yet. */
export type OrderNews = {
  statusId: number;
  statusName: string;
  /** The status the thread last noted (null: none yet, a new order). */
  noted: number | null;
  statusChanged: boolean;
  /** A refund this event announces, unless already seen. */
  refundKey: string | null;
  escalate: boolean;
  trackings: BigcommerceShipment[];
  newReturns: OrderReturnSignal[];
  /** Something someone must act on (an escalation, a return, tracking, a customer's message). */
  attention: boolean;
};

export function trackingKey(shipment: BigcommerceShipment): string {
  return `${shipment.id}:${shipment.tracking_number.trim()}`;
}

/**
 * Compares the order as now known with what its thread was told. Pure: the event processor calls
 * it under the order lock, and the lock-free status note (note-status-change.ts) calls it to learn
 * whether a status change is a note and nothing more. `messages` are the customer's messages not
 * yet in the thread.
 */
/** Refunds Tern itself issued on the order lately (an agent's, from the inbox): see tern-refunds.ts. */
export type TernRefunds = { refundIds: ReadonlySet<string>; running: boolean; recent: boolean };

/** A status a refund moves an order to (a dispute is the customer's bank's doing, never Tern's). */
export function isRefundedStatus(statusId: number): boolean {
  return statusId === ORDER_STATUS.REFUNDED || statusId === ORDER_STATUS.PARTIALLY_REFUNDED;
}

export function readOrderNews(input: {
  event: BigcommerceEvent;
  bundle: OrderBundle;
  statusId: number;
  memory: ThreadMemory;
  messages: IncomingOrderMessage[];
  /** Tern's own recent refunds of the order: what they cause is no customer's request. */
  ternRefunds?: TernRefunds;
}): OrderNews {
  const { event, bundle, statusId, memory, messages, ternRefunds } = input;
  const statusName = orderStatusName(bundle);
  const noted = memory.notedStatusId;
  const statusChanged = noted !== null && noted !== statusId;
  const enteredRefundStatus = REFUND_STATUSES.includes(statusId) && noted !== statusId;
  const refundKey = event.type === "refund" && !memory.seenRefundIds.includes(event.refundKey) ? event.refundKey : null;
  const trackings = bundle.shipments.filter((shipment) => shipment.tracking_number?.trim() && !memory.notifiedTracking.includes(trackingKey(shipment)));
  const returns: OrderReturnSignal[] = [];
  if (event.type === "return") returns.push({ key: event.returnKey, origin: "return request", detail: event.detail });
  if (RETURN_STATUS.test(statusName) && noted !== statusId) returns.push({ key: `status:${statusId}:${bundle.order.date_modified}`, origin: `order status "${statusName}"` });
  for (const message of messages) {
    if (RETURN_WORDS.test(message.body)) returns.push({ key: `message:${message.key}`, origin: "customer message", detail: message.body });
  }
  const newReturns = returns.filter((entry) => !memory.seenReturnKeys.includes(entry.key));
  // A refund an agent issued from Tern comes back as a webhook and a status change: recognised,
  // it is noted as what it is, not raised as a customer's refund request.
  const ternsRefund = refundKey !== null && ternRefunds !== undefined && (ternRefunds.running || ternRefunds.refundIds.has(refundKey.replace(/^refund:/, "")));
  const ternsStatus = enteredRefundStatus && isRefundedStatus(statusId) && ternRefunds?.recent === true;
  const escalate = (refundKey !== null && !ternsRefund) || (enteredRefundStatus && !ternsStatus);
  const attention = escalate || newReturns.length > 0 || trackings.length > 0 || messages.length > 0;
  return { statusId, statusName, noted, statusChanged, refundKey, escalate, trackings, newReturns, attention };
}

/** The thread's note for a status change from `noted`, naming the old status as the store last called it. */
export function statusChangeNote(
  news: Pick<OrderNews, "statusId" | "statusName">,
  noted: number,
  previous: { statusId: number | null; status: string | null } | null,
): { body: string; meta: { type: "orderStatus"; from: number; to: number } } {
  const from = previous?.statusId === noted && previous.status ? previous.status : (ORDER_STATUS_NAMES[noted] ?? `status ${noted}`);
  return { body: `Order status changed: ${from} → ${news.statusName}`, meta: { type: "orderStatus", from: noted, to: news.statusId } };
}
