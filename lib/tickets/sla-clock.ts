import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

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

function later(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/**
 * What a move to `to` at `now` writes to the clocks. Pure: transition-ticket.ts applies it.
 * Waiting on the customer stops the clocks; the time spent there pushes the due times forward
 * (the first-response one only while no first response was given), so time waiting is never
 * counted against the team.
 */
export function slaStampsForTransition(clocks: SlaClocks, to: TicketStatus, now: Date): SlaStamps {
  const stamps: SlaStamps = {};
  const from = clocks.status;

  if (from === "WAITING_ON_CUSTOMER" && to !== "WAITING_ON_CUSTOMER") {
    // A clock running backwards (waitingSince in the future) must not pull due times earlier.
    const pauseMs = clocks.waitingSince ? Math.max(0, now.getTime() - clocks.waitingSince.getTime()) : 0;
    stamps.waitingSince = null;
    if (pauseMs > 0) {
      stamps.pausedSeconds = clocks.pausedSeconds + Math.round(pauseMs / 1000);
      if (!clocks.firstResponseAt && clocks.firstResponseDueAt) stamps.firstResponseDueAt = later(clocks.firstResponseDueAt, pauseMs);
      if (clocks.resolutionDueAt) stamps.resolutionDueAt = later(clocks.resolutionDueAt, pauseMs);
    }
  }
  if (to === "WAITING_ON_CUSTOMER") stamps.waitingSince = now;
  if (to === "RESOLVED") stamps.resolvedAt = now;
  // Reopening: the ticket is no longer resolved. Closing keeps the resolution time.
  if (from === "RESOLVED" && to !== "CLOSED") stamps.resolvedAt = null;
  if (to === "CLOSED") stamps.closedAt = now;
  return stamps;
}
