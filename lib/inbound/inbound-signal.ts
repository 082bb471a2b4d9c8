import { wakeSignal } from "@/lib/server/wake-signal.ts";

/** Wakes the in-process inbound worker when an event is stored, so "ticket visible" does not wait for a poll. */
const inbound = wakeSignal("inbound");

export const notifyInboundEvent = inbound.notify;
export const waitForInboundEvent = inbound.wait;
export const inboundEventsNotified = inbound.count;
