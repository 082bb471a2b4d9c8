import type { Db } from "@/lib/db/client.ts";
import { PermanentEventError } from "@/lib/inbound/inbound-event-types.ts";
import { bigcommerceClientForStore } from "../bigcommerce-client-for-store.ts";
import type { BigcommerceShipment } from "../bigcommerce-types.ts";
import { fetchOrderBundle, fetchOrderStatus, type KnownOrder, type OrderStatusRead } from "../fetch-order-bundle.ts";
import { bundleFromSnapshot } from "../save-order-snapshot.ts";
import { sharedOrderRead } from "../shared-order-reads.ts";
import type { IncomingOrderMessage } from "./append-customer-message.ts";
import type { OrderBundle } from "./order-bundle.ts";
import type { OrderScopedEvent } from "./apply-order-event.ts";

function withShipment(bundle: OrderBundle, shipment: BigcommerceShipment): OrderBundle {
  const others = bundle.shipments.filter((entry) => (shipment.id ? entry.id !== shipment.id : entry.tracking_number !== shipment.tracking_number));
  return { ...bundle, shipments: [...others, shipment] };
}

// Events for one store come in bursts: its client (token read and decrypted) is reused this long.
// A re-install or uninstall within it costs at most a retried event (bigcommerce-client-for-store.ts).
export const CLIENT_MAX_AGE_MS = 2_000;

async function storedOrder(db: Db, storeId: string, orderId: number): Promise<KnownOrder | null> {
  const row = await db.orderSnapshot.findUnique({
    where: { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: orderId } },
    select: { order: true, products: true, shipments: true, dateModified: true },
  });
  return row ? { bundle: bundleFromSnapshot(row), dateModified: row.dateModified } : null;
}

export type GatheredOrderWork = {
  /** The order, or for a status change only what moved (completed from Tern's copy under the order lock). */
  bundle: OrderBundle | OrderStatusRead;
  messages: IncomingOrderMessage[];
};

/**
 * Everything an order event needs from outside, read before the transaction so no database lock
 * is held while BigCommerce answers: the order (from the seed payload, else the API, else Tern's
 * stored copy when Tern has no API access) and, for message events, the customer's messages.
 * A status change reads only the order (and shipments when shipping), unless `fullRead` says Tern
 * turned out to have no copy to complete it from.
 */
export async function gatherOrderWork(
  db: Db,
  storeId: string,
  event: OrderScopedEvent,
  options: { fullRead?: boolean; claimedAt?: number; /** Tern's copy when the caller has read it already (null: none). */ stored?: KnownOrder | null } = {},
): Promise<GatheredOrderWork> {
  const client = await bigcommerceClientForStore(db, storeId, { maxAgeMs: CLIENT_MAX_AGE_MS });
  if (client && event.type === "order" && event.statusOnly && !options.fullRead) {
    const read = await fetchOrderStatus(client, event.orderId);
    if (!read) throw new PermanentEventError(`Order ${event.orderId} does not exist in BigCommerce (deleted, or not this store's)`);
    return { bundle: read, messages: [] };
  }
  const stored = options.stored !== undefined ? options.stored : await storedOrder(db, storeId, event.orderId);
  let bundle: OrderBundle | null = "bundle" in event && event.bundle ? event.bundle : null;
  if (bundle) {
    // Seed payloads carry the order only: keep the shipments and addresses Tern already has.
    if (stored) {
      const known = stored.bundle;
      bundle = { ...bundle, shipments: known.shipments, shippingAddresses: known.shippingAddresses, products: bundle.products.length ? bundle.products : known.products };
    }
  } else if (client) {
    const readOrder = () => fetchOrderBundle(client, event.orderId, stored, { shipments: event.type === "shipment" });
    // Events about one order that arrive together share one read (a shipment's asks for its shipments too).
    bundle = options.claimedAt === undefined ? await readOrder() : await sharedOrderRead(`${storeId}:${event.orderId}:${event.type === "shipment"}`, options.claimedAt, readOrder);
    if (!bundle) throw new PermanentEventError(`Order ${event.orderId} does not exist in BigCommerce (deleted, or not this store's)`);
  } else {
    bundle = stored?.bundle ?? null;
    if (!bundle) throw new PermanentEventError(`Tern has no API access to this store and no copy of order ${event.orderId}`);
  }
  if (event.type === "shipment" && event.shipment) bundle = withShipment(bundle, event.shipment);

  let messages: IncomingOrderMessage[] = [];
  if (event.type === "orderMessage") {
    if (event.message) {
      messages = [{ key: event.message.key, body: event.message.message, subject: event.message.subject }];
    } else if (client) {
      // Every customer message of the order, not only the one announced: any the webhooks missed come too.
      messages = (await client.getOrderMessages(event.orderId))
        .filter((message) => !message.staff_id && message.message?.trim())
        .map((message) => ({ key: String(message.id), body: message.message.trim(), subject: message.subject?.trim() ?? "" }));
    } else {
      throw new PermanentEventError("An order message event without the message, and Tern has no API access to read it");
    }
  }
  return { bundle, messages };
}
