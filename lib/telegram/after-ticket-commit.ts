import type { TicketChange } from "@/lib/tickets/publish-ticket-change.ts";
import { askCsatAfterResolve } from "./csat/ask-csat-after-resolve.ts";
import { notifyOutbox } from "./outbox/outbox-signal.ts";

/**
 * Telegram's after-commit hook on ticket changes (called by publishTicketChange): a reply queued
 * for Telegram wakes the sender at once instead of at its next poll, and a ticket that just
 * entered Resolved asks its Telegram customer for a rating.
 */
export function telegramAfterTicketCommit(storeId: string, change: TicketChange): void {
  if (change.messages.some((message) => message.kind === "OUTBOUND" && message.channel === "TELEGRAM" && message.deliveryStatus === "QUEUED")) notifyOutbox();
  askCsatAfterResolve(storeId, change);
}
