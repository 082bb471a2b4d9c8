import { processBigcommerceEvent } from "@/lib/bigcommerce/events/process-bigcommerce-event.ts";
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
