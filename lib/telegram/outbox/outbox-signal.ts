import { wakeSignal } from "@/lib/server/wake-signal.ts";

/** Wakes the in-process Telegram sender when a reply is queued, so it leaves within moments. */
const outbox = wakeSignal("telegram-outbox");

export const notifyOutbox = outbox.notify;
export const waitForOutbox = outbox.wait;
