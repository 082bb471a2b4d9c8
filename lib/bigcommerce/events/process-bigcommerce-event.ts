import type { Db } from "@/lib/db/client.ts";
import { recordDomainEventsInTx } from "@/lib/domain-events/record-domain-events.ts";
import { PermanentEventError, type InboundEventForProcessing } from "@/lib/inbound/inbound-event-types.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { markBigcommerceCustomerDeleted, syncBigcommerceCustomer } from "../sync-bigcommerce-customer.ts";
import { applyOrderEventInTx, OrderNotStoredError, type OrderScopedEvent } from "./apply-order-event.ts";
import { isStatusRead } from "../fetch-order-bundle.ts";
import { gatherOrderWork } from "./gather-order-work.ts";
import { noteStatusChange } from "./note-status-change.ts";
import { readBigcommerceEvent } from "./read-bigcommerce-event.ts";

/**
 * Processes one stored BigCommerce event (called by the inbound worker): resolve = done, throw =
 * retry later, PermanentEventError = dead letter. Reads from BigCommerce first, then applies the
 * change in one transaction, with the domain events that tell open inboxes and the channels.
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
    case "customerDeleted":
      return markBigcommerceCustomerDeleted(db, storeId, parsed.customerId);
  }
  try {
    await applyOrderEvent(db, storeId, parsed, { claimedAt: event.claimedAt });
  } catch (error) {
    // A status change for an order Tern has never seen: read all of it this time.
    if (!(error instanceof OrderNotStoredError)) throw error;
    await applyOrderEvent(db, storeId, parsed, { fullRead: true });
  }
}

async function applyOrderEvent(db: Db, storeId: string, event: OrderScopedEvent, options: { fullRead?: boolean; claimedAt?: number }): Promise<void> {
  const { bundle, messages } = await gatherOrderWork(db, storeId, event, options);
  if (isStatusRead(bundle)) {
    // Most status changes only add a note: one statement, no transaction (note-status-change.ts).
    if (await noteStatusChange(db, { storeId, event, read: bundle })) return;
  }
  await db.$transaction(async (tx) => {
    const changes = await applyOrderEventInTx(tx, { storeId, event, bundle, messages, now: new Date() });
    await recordDomainEventsInTx(tx, changes.events);
  }, TICKET_TX_OPTIONS);
}
