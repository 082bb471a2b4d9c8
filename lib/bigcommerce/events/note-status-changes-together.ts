import type { Db } from "@/lib/db/client.ts";
import type { InboundEventForProcessing, WorkerLease } from "@/lib/inbound/inbound-event-types.ts";
import pLimit from "p-limit";
import { bigcommerceClientForStore } from "../bigcommerce-client-for-store.ts";
import { fetchOrderBundle, fetchOrderStatus } from "../fetch-order-bundle.ts";
import { bundleFromSnapshot } from "../save-order-snapshot.ts";
import { orderEventsOfClaim } from "./claim-order-events.ts";
import { CLIENT_MAX_AGE_MS } from "./gather-order-work.ts";
import { noteStatusChanges, readThreadStates, type StatusChange } from "./note-status-change.ts";

// BigCommerce reads in flight at once for one claim (the store's rate-limit gate paces them further).
const READS_AT_ONCE = 8;

/** One order's events in the claim: all of them "updated" or "statusUpdated". */
type OrderChange = { orderId: number; eventIds: string[]; statusOnly: boolean };

/**
 * The claim's orders whose only events are changes to an order ("updated", "statusUpdated": what
 * BigCommerce sends when a status moves; "created" again for an order Tern has), by store. An order
 * with any other event in the claim (a message, a shipment, a refund) is applied event by event,
 * under its lock, in order.
 */
function orderChangesByStore(events: readonly InboundEventForProcessing[]): Map<string, OrderChange[]> {
  const byOrder = new Map<string, (OrderChange & { storeId: string }) | null>();
  for (const { event, storeId, parsed, orderKey: key } of orderEventsOfClaim(events)) {
    const entry = byOrder.get(key);
    if (entry === null) continue;
    if (parsed.type !== "order" || parsed.bundle) {
      // Seed-form events carry the order as it was when each was sent: they go one by one too.
      byOrder.set(key, null);
      continue;
    }
    const statusOnly = Boolean(parsed.statusOnly);
    if (entry) {
      entry.eventIds.push(event.id);
      entry.statusOnly &&= statusOnly;
    } else byOrder.set(key, { storeId, orderId: parsed.orderId, eventIds: [event.id], statusOnly });
  }
  const byStore = new Map<string, OrderChange[]>();
  for (const entry of byOrder.values()) {
    if (!entry) continue;
    const list = byStore.get(entry.storeId) ?? [];
    list.push(entry);
    byStore.set(entry.storeId, list);
  }
  return byStore;
}

/**
 * A busy store's most common events, order changes that only add a status note, applied together:
 * one read of the orders' threads, each order read from BigCommerce once for all its events, then
 * one statement that writes every note and records the events as processed (note-status-change.ts).
 * Returns the ids of the events applied and settled; any other (a read that failed, a change that
 * needs more than a note, an order Tern has no copy of) is left to its own processing, which
 * decides the same way.
 */
export async function noteStatusChangesTogether(db: Db, events: readonly InboundEventForProcessing[], lease: WorkerLease): Promise<Set<string>> {
  const settled = new Set<string>();
  await Promise.all(
    [...orderChangesByStore(events)].map(async ([storeId, orders]) => {
      try {
        for (const id of await noteStoreOrderChanges(db, storeId, orders, lease)) settled.add(id);
      } catch {
        // One statement: nothing of this store's was applied. Each event's own processing says what went wrong.
      }
    }),
  );
  return settled;
}

async function noteStoreOrderChanges(db: Db, storeId: string, orders: OrderChange[], lease: WorkerLease): Promise<string[]> {
  const client = await bigcommerceClientForStore(db, storeId, { maxAgeMs: CLIENT_MAX_AGE_MS });
  if (!client) return [];
  // Read before BigCommerce: the write is a compare-and-set on these versions.
  const states = await readThreadStates(db, storeId, orders.map((order) => order.orderId));
  const known = orders.filter((order) => states.has(order.orderId));
  const reading = pLimit(READS_AT_ONCE);
  const reads = await Promise.all(
    known.map((order) =>
      reading(async () => {
        // "updated" may mean new products or addresses: read them unless the order is unchanged since Tern's copy.
        if (order.statusOnly) return fetchOrderStatus(client, order.orderId);
        const state = states.get(order.orderId)!;
        return fetchOrderBundle(client, order.orderId, { bundle: bundleFromSnapshot(state), dateModified: state.dateModified });
      }).catch(() => null),
    ),
  );
  const changes: StatusChange[] = [];
  known.forEach((order, index) => {
    const read = reads[index];
    if (read && read.order.id === order.orderId) changes.push({ event: { type: "order", orderId: order.orderId, statusOnly: order.statusOnly }, read, eventIds: order.eventIds });
  });
  const applied = await noteStatusChanges(db, storeId, changes, lease, states);
  return [...applied].flatMap((index) => changes[index]!.eventIds!);
}
