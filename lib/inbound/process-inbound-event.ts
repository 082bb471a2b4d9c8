import { processBigcommerceEvent } from "@/lib/bigcommerce/events/process-bigcommerce-event.ts";
import { processNewOrdersTogether } from "@/lib/bigcommerce/events/process-new-orders-together.ts";
import type { Db } from "@/lib/db/client.ts";
import { processTelegramUpdate } from "@/lib/telegram/process-telegram-update.ts";
import type { InboundEventForProcessing } from "./inbound-event-types.ts";

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

/**
 * Applies the events of one claim that are cheaper together (a burst of new orders for a store)
 * and returns their ids; the caller processes the others one by one. One transaction per store:
 * a throw means none of that store's were applied.
 */
export async function processInboundEventsTogether(db: Db, events: readonly InboundEventForProcessing[]): Promise<Set<string>> {
  return processNewOrdersTogether(db, events);
}
