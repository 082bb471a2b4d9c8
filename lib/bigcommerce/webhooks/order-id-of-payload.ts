import { readBigcommerceEvent } from "../events/read-bigcommerce-event.ts";

function positiveInt(value: unknown): number | null {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** The order a stored BigCommerce payload is about, as far as it can tell (also for payloads it cannot otherwise read). */
export function orderIdOfPayload(payload: unknown): number | null {
  try {
    const event = readBigcommerceEvent(payload);
    if ("orderId" in event) return event.orderId;
  } catch {
    // A dead letter is often unreadable: look for the usual fields by hand.
  }
  const data = payload && typeof payload === "object" ? (payload as { data?: Record<string, unknown> }).data : undefined;
  return positiveInt(data?.order_id) ?? positiveInt(data?.orderId) ?? null;
}
