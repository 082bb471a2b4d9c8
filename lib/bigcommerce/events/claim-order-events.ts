import type { InboundEventForProcessing } from "@/lib/inbound/inbound-event-types.ts";
import type { OrderScopedEvent } from "./apply-order-event.ts";
import { readBigcommerceEvent } from "./read-bigcommerce-event.ts";

export type ClaimedOrderEvent = { event: InboundEventForProcessing; storeId: string; parsed: OrderScopedEvent; orderKey: string };

/**
 * A claim's BigCommerce events about an order, parsed, in claim order. Events that cannot be read
 * are left out: their own processing dead-letters them with the reason.
 */
export function orderEventsOfClaim(events: readonly InboundEventForProcessing[]): ClaimedOrderEvent[] {
  const out: ClaimedOrderEvent[] = [];
  for (const event of events) {
    if (event.source !== "BIGCOMMERCE" || !event.storeId) continue;
    let parsed;
    try {
      parsed = readBigcommerceEvent(event.payload);
    } catch {
      continue;
    }
    if ("orderId" in parsed) out.push({ event, storeId: event.storeId, parsed, orderKey: `${event.storeId}:${parsed.orderId}` });
  }
  return out;
}
