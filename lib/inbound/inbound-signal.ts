import { wakeSignal } from "@/lib/server/wake-signal.ts";

/**
 * Wakes the inbound worker when an event is stored, so "ticket visible" does not wait for a poll.
 * Across processes the database does it: an insert into InboundEvent notifies this channel at
 * commit (migration worker_process_wakeups), and the worker's listener calls notifyInboundEvent.
 */
const inbound = wakeSignal("inbound");

export const INBOUND_EVENTS_CHANNEL = "tern_inbound_events";
export const notifyInboundEvent = inbound.notify;
export const waitForInboundEvent = inbound.wait;
export const inboundEventsNotified = inbound.count;
