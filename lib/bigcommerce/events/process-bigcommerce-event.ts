import type { Db } from "@/lib/db/client.ts";
import { PermanentEventError, type InboundEventForProcessing } from "@/lib/inbound/inbound-event-types.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { syncBigcommerceCustomer } from "../sync-bigcommerce-customer.ts";
import { applyOrderEventInTx, OrderNotStoredError, type OrderScopedEvent } from "./apply-order-event.ts";
import { isStatusRead } from "../fetch-order-bundle.ts";
import { gatherOrderWork } from "./gather-order-work.ts";
import { noteStatusChange } from "./note-status-change.ts";
import { finishChanges, publishChanges, type OrderTicketChanges } from "./order-ticket-changes.ts";
import { readBigcommerceEvent } from "./read-bigcommerce-event.ts";

/**
 * Processes one stored BigCommerce event (called by the inbound worker): resolve = done, throw =
 * retry later, PermanentEventError = dead letter. Reads from BigCommerce first, then applies the
 * change in one transaction, then publishes to open inboxes.
 */
export async function processBigcommerceEvent(db: Db, event: InboundEventForProcessing): Promise<void> {
  const storeId = event.storeId;
  if (!storeId) throw new PermanentEventError("BigCommerce event without a store");
  const parsed = readBigcommerceEvent(event.payload);
  switch (parsed.type) {
    case "ignored":
    // A deliveryException is kept as the stored event itself: webhook health reads it from there.
    case "deliveryException":
      return;
    case "customer":
      return syncBigcommerceCustomer(db, storeId, parsed.customerId);
  }
  let changes: OrderTicketChanges;
  try {
    changes = await applyOrderEvent(db, storeId, parsed, {});
  } catch (error) {
    // A status change for an order Tern has never seen: read all of it this time.
    if (!(error instanceof OrderNotStoredError)) throw error;
    changes = await applyOrderEvent(db, storeId, parsed, { fullRead: true });
  }
  publishChanges(storeId, await finishChanges(db, storeId, changes));
}

async function applyOrderEvent(db: Db, storeId: string, event: OrderScopedEvent, options: { fullRead?: boolean }): Promise<OrderTicketChanges> {
  const { bundle, messages } = await gatherOrderWork(db, storeId, event, options);
  if (isStatusRead(bundle)) {
    // Most status changes only add a note: one statement, no transaction (note-status-change.ts).
    const noted = await noteStatusChange(db, { storeId, event, read: bundle });
    if (noted) return noted;
  }
  return db.$transaction((tx) => applyOrderEventInTx(tx, { storeId, event, bundle, messages, now: new Date() }), TICKET_TX_OPTIONS);
}
