import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { FINISHED_STATUSES } from "./status-machine.ts";

/**
 * Snooze is a state beside the status: a ticket hidden from the inbox's default views until a
 * time, its status and SLA clocks untouched (a view of the queue, not a promise to the customer).
 * It ends when the time comes (wake-snoozed-tickets.ts), when the customer writes, and when the
 * ticket is finished. Every write of `snoozedUntil` takes its value from here.
 */

/** Most a ticket may sleep: a forgotten snooze must not hide a customer for ever. */
export const MAX_SNOOZE_DAYS = 90;

/** The write that ends a snooze. */
export const SNOOZE_ENDED = { snoozedUntil: null } as const;

/** Why a ticket may not sleep until `until`, or null when it may. */
export function snoozeTimeRefusal(until: Date, now: Date): string | null {
  if (until.getTime() <= now.getTime()) return "Snooze until a time in the future";
  if (until.getTime() - now.getTime() > MAX_SNOOZE_DAYS * 86_400_000) return `A ticket can be snoozed for at most ${MAX_SNOOZE_DAYS} days`;
  return null;
}

/** A finished ticket does not sleep. */
export function canSnooze(status: TicketStatus): boolean {
  return !FINISHED_STATUSES.includes(status);
}

/** What a move to `to` does to a snooze: a finished ticket has nothing left to wake up for. */
export function snoozeAfterMove(to: TicketStatus): typeof SNOOZE_ENDED | Record<string, never> {
  return FINISHED_STATUSES.includes(to) ? SNOOZE_ENDED : {};
}
