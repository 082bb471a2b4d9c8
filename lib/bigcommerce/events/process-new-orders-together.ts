import type { Db } from "@/lib/db/client.ts";
import type { InboundEventForProcessing } from "@/lib/inbound/inbound-event-types.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { ORDER_STATUS } from "../bigcommerce-types.ts";
import { isStatusRead } from "../fetch-order-bundle.ts";
import type { OrderScopedEvent } from "./apply-order-event.ts";
import { orderEventsOfClaim } from "./claim-order-events.ts";
import { gatherOrderWork } from "./gather-order-work.ts";
import { openNewOrderTicketsInTx } from "./open-new-order-tickets.ts";
import type { OrderBundle } from "./order-bundle.ts";
import { readOrderNews } from "./order-news.ts";

type OrderEvents = { storeId: string; orderId: number; events: InboundEventForProcessing[]; parsed: OrderScopedEvent[]; claimedAt: number | undefined };

const NOTHING_TOLD = { notedStatusId: null, notifiedTracking: [], seenRefundIds: [], seenReturnKeys: [] };

/**
 * The claim's order events ("created", "updated", status changes), by store and order; an order
 * with any other kind of event in the claim, or with status changes only, is left out.
 */
function orderEventsByStore(events: readonly InboundEventForProcessing[]): Map<string, OrderEvents[]> {
  const byOrder = new Map<string, OrderEvents | null>();
  for (const { event, storeId, parsed, orderKey: key } of orderEventsOfClaim(events)) {
    const entry = byOrder.get(key);
    if (entry === null) continue;
    if (parsed.type !== "order") {
      byOrder.set(key, null);
      continue;
    }
    if (entry) {
      entry.events.push(event);
      entry.parsed.push(parsed);
    } else {
      byOrder.set(key, { storeId, orderId: parsed.orderId, events: [event], parsed: [parsed], claimedAt: event.claimedAt });
    }
  }
  const byStore = new Map<string, OrderEvents[]>();
  for (const entry of byOrder.values()) {
    // Status changes alone are about orders Tern knows (the common case, noted together by
    // note-status-changes-together.ts): only an order that "created" or "updated" announces may be new.
    if (!entry || entry.parsed.every((parsed) => parsed.type === "order" && parsed.statusOnly)) continue;
    const list = byStore.get(entry.storeId) ?? [];
    list.push(entry);
    byStore.set(entry.storeId, list);
  }
  return byStore;
}

async function ordersWithACopy(db: Db, storeId: string, orderIds: number[]): Promise<Set<number>> {
  const rows = await db.orderSnapshot.findMany({ where: { storeId, bigcommerceOrderId: { in: orderIds } }, select: { bigcommerceOrderId: true } });
  return new Set(rows.map((row) => row.bigcommerceOrderId));
}

/** One read of the order for all its events; null when it cannot go the bulk way (its own processing then says why). */
async function readNewOrder(db: Db, order: OrderEvents): Promise<OrderBundle | null> {
  // Events in seed form carry the order as it was when each was sent: one read cannot stand for
  // several of them, so such an order is applied event by event.
  const seeds = order.parsed.filter((parsed) => "bundle" in parsed && parsed.bundle);
  if (seeds.length > 0 && order.parsed.length > 1) return null;
  // Any event will do for an API read; a lone seed event is read from itself.
  const event = seeds[0] ?? order.parsed.find((parsed) => parsed.type === "order" && !parsed.statusOnly) ?? order.parsed[0]!;
  try {
    const gathered = await gatherOrderWork(db, order.storeId, event, { fullRead: true, claimedAt: order.claimedAt, stored: null });
    if (isStatusRead(gathered.bundle)) return null;
    const bundle: OrderBundle = gathered.bundle;
    if (bundle.order.id !== order.orderId) return null;
    const news = readOrderNews({ event, bundle, statusId: bundle.order.status_id, memory: NOTHING_TOLD, messages: [] });
    return bundle.order.status_id === ORDER_STATUS.INCOMPLETE || news.attention ? null : bundle;
  } catch {
    return null;
  }
}

/**
 * A flash sale's shape: many orders Tern has never seen, each announced by "created" and
 * "updated" side by side. The claim's events for such orders are applied together: one
 * BigCommerce read per order for all of its events, and one transaction for all the orders'
 * tickets (open-new-order-tickets.ts). Returns the ids of the events it applied; every other
 * event (and any order that turns out not to be new, or needs more than a ticket) is left to its
 * own processing, which decides the same way it always has.
 */
export async function processNewOrdersTogether(db: Db, events: readonly InboundEventForProcessing[]): Promise<Set<string>> {
  const applied = new Set<string>();
  for (const [storeId, orders] of orderEventsByStore(events)) {
    try {
      for (const id of await openStoreNewOrders(db, storeId, orders)) applied.add(id);
    } catch {
      // Nothing of this store's was applied (one transaction): each event's own processing says what went wrong, and retries.
    }
  }
  return applied;
}

async function openStoreNewOrders(db: Db, storeId: string, orders: OrderEvents[]): Promise<string[]> {
  const withCopy = await ordersWithACopy(db, storeId, orders.map((order) => order.orderId));
  const fresh = orders.filter((order) => !withCopy.has(order.orderId));
  if (fresh.length === 0) return [];
  const reads = await Promise.all(fresh.map((order) => readNewOrder(db, order)));
  const bundles = reads.filter((bundle): bundle is OrderBundle => bundle !== null);
  if (bundles.length === 0) return [];
  const opened = new Set(await db.$transaction((tx) => openNewOrderTicketsInTx(tx, { storeId, orders: bundles, now: new Date() }), TICKET_TX_OPTIONS));
  return fresh.filter((order) => opened.has(order.orderId)).flatMap((order) => order.events.map((event) => event.id));
}
