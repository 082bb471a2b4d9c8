import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import type { BusinessCalendar } from "./business-hours.ts";
import { addBusinessSeconds, businessSecondsBetween } from "./business-time.ts";

/** The ticket columns the SLA clocks live in, as read before a status change. */
export type SlaClocks = {
  status: TicketStatus;
  waitingSince: Date | null;
  pausedSeconds: number;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
};

export type SlaStamps = {
  waitingSince?: Date | null;
  pausedSeconds?: number;
  firstResponseDueAt?: Date;
  resolutionDueAt?: Date;
  resolvedAt?: Date | null;
  closedAt?: Date;
};

/**
 * What a move to `to` at `now` writes to the clocks. Pure: transition-ticket.ts applies it.
 * Waiting on the customer stops the clocks; the time spent there pushes the due times forward
 * (the first-response one only while no first response was given), so time waiting is never
 * counted against the team. Under a business-hours policy (`calendar`) only the business time of
 * the pause counts: a weekend spent waiting gives nothing back, because the clocks were not running.
 */
export function slaStampsForTransition(clocks: SlaClocks, to: TicketStatus, now: Date, calendar: BusinessCalendar | null = null): SlaStamps {
  const stamps: SlaStamps = {};
  const from = clocks.status;

  if (from === "WAITING_ON_CUSTOMER" && to !== "WAITING_ON_CUSTOMER") {
    // A clock running backwards (waitingSince in the future) measures as no pause: due times never move earlier.
    const pauseSeconds = clocks.waitingSince ? businessSecondsBetween(clocks.waitingSince, now, calendar) : 0;
    stamps.waitingSince = null;
    if (pauseSeconds > 0) {
      stamps.pausedSeconds = clocks.pausedSeconds + Math.round(pauseSeconds);
      if (!clocks.firstResponseAt && clocks.firstResponseDueAt) {
        stamps.firstResponseDueAt = addBusinessSeconds(clocks.firstResponseDueAt, pauseSeconds, calendar);
      }
      if (clocks.resolutionDueAt) stamps.resolutionDueAt = addBusinessSeconds(clocks.resolutionDueAt, pauseSeconds, calendar);
    }
  }
  if (to === "WAITING_ON_CUSTOMER") stamps.waitingSince = now;
  if (to === "RESOLVED") stamps.resolvedAt = now;
  // Reopening: the ticket is no longer resolved. Closing keeps the resolution time.
  if (from === "RESOLVED" && to !== "CLOSED") stamps.resolvedAt = null;
  if (to === "CLOSED") stamps.closedAt = now;
  return stamps;
}
