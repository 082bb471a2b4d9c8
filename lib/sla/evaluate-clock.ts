import type { BusinessCalendar } from "@/lib/ticket-lifecycle/business-hours.ts";
import { businessSecondsBetween } from "@/lib/ticket-lifecycle/business-time.ts";

export type ClockState = "ok" | "at_risk" | "breached";

export type ClockInput = {
  now: Date;
  dueAt: Date;
  /** The policy's target for this clock, in (business) seconds. */
  targetSeconds: number;
  /** Share of the target after which the clock is at risk, e.g. 0.8. */
  warnAtShare: number;
  calendar: BusinessCalendar | null;
};

export type ClockEvaluation = {
  state: ClockState;
  /** Share of the target used up: 0.5 halfway, 1 at the due time, 1.5 half a target past it. */
  elapsedShare: number;
  /** Business seconds left until the due time; negative once overdue. */
  remainingSeconds: number;
};

// Past this, walking the calendar to measure how overdue a clock is buys nothing: it is very overdue.
const OVERDUE_WALK_LIMIT_MS = 120 * 24 * 3600 * 1000;

/**
 * Where an open SLA clock stands at `now`. The share is measured backwards from the due time, so a
 * due time pushed forward by a pause on the customer's side gives the team its time back.
 */
export function evaluateClock(input: ClockInput): ClockEvaluation {
  const { now, dueAt, targetSeconds, calendar } = input;
  const target = Math.max(targetSeconds, 0);
  let remainingSeconds: number;
  if (now < dueAt) {
    remainingSeconds = businessSecondsBetween(now, dueAt, calendar);
  } else if (now.getTime() - dueAt.getTime() > OVERDUE_WALK_LIMIT_MS) {
    remainingSeconds = -Infinity;
  } else {
    remainingSeconds = -businessSecondsBetween(dueAt, now, calendar);
  }
  const overdue = now >= dueAt;
  const elapsedShare = target > 0 ? 1 - remainingSeconds / target : overdue ? 1 : 0;
  const state: ClockState = overdue ? "breached" : elapsedShare >= input.warnAtShare ? "at_risk" : "ok";
  return { state, elapsedShare, remainingSeconds };
}
