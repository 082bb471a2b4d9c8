import { processBigcommerceEvent } from "@/lib/bigcommerce/events/process-bigcommerce-event.ts";
import { noteStatusChangesTogether } from "@/lib/bigcommerce/events/note-status-changes-together.ts";
import { processNewOrdersTogether } from "@/lib/bigcommerce/events/process-new-orders-together.ts";
import type { Db } from "@/lib/db/client.ts";
import { processTelegramUpdate } from "@/lib/telegram/process-telegram-update.ts";
import type { InboundEventForProcessing, WorkerLease } from "./inbound-event-types.ts";

/** Hands one claimed event to its source's processor. Resolve = done; throw = retry; PermanentEventError = dead-letter. */
export async function processInboundEvent(db: Db, event: InboundEventForProcessing): Promise<void> {
  switch (event.source) {
    case "BIGCOMMERCE":
      return processBigcommerceEvent(db, event);
    case "TELEGRAM":
      return processTelegramUpdate(event);
  }
}

/** Whether processInboundEventsTogether might take the event: the others need not wait for it. */
export function mayApplyTogether(event: InboundEventForProcessing): boolean {
  return event.source === "BIGCOMMERCE";
}

/** What processInboundEventsTogether did: `applied` still need recording as processed; `settled` were recorded with their changes. */
export type AppliedTogether = { applied: Set<string>; settled: Set<string> };

/**
 * Applies the events of one claim that are cheaper together and returns their ids; the caller
 * processes the others one by one. A burst of new orders for a store is one transaction per store
 * (a throw means none of that store's were applied); plain status changes are one statement per
 * store that also records them as processed, fenced on this worker's lease.
 */
export async function processInboundEventsTogether(db: Db, events: readonly InboundEventForProcessing[], lease: WorkerLease): Promise<AppliedTogether> {
  const applied = await processNewOrdersTogether(db, events);
  // After the new orders: an order just opened is not noted again from the same events.
  const settled = await noteStatusChangesTogether(db, events.filter((event) => !applied.has(event.id)), lease);
  return { applied, settled };
}
