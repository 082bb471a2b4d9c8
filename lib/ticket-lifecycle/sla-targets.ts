import type { Tx } from "@/lib/db/client.ts";
import type { CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";
import type { BusinessCalendar } from "./business-hours.ts";
import { addBusinessSeconds } from "./business-time.ts";
import { loadStoreSlaSetup } from "./load-store-sla-setup.ts";
import { resolveTicketSla, type SlaTargets } from "./resolve-ticket-sla.ts";

/**
 * SLA due times for a new (or re-prioritised) ticket: the matching policy's targets counted in its
 * business hours (lib/sla), so callers never do the arithmetic.
 */

export type SlaDueTimes = { firstResponseDueAt: Date; resolutionDueAt: Date };

/**
 * Due times counted from `start`, moved forward by time already spent waiting on the customer.
 * `pausedSeconds` is business time (what sla-clock.ts records), so it simply adds to the targets.
 */
export function slaDueTimes(start: Date, targets: SlaTargets, pausedSeconds = 0, calendar: BusinessCalendar | null = null): SlaDueTimes {
  return {
    firstResponseDueAt: addBusinessSeconds(start, targets.firstResponseSeconds + pausedSeconds, calendar),
    resolutionDueAt: addBusinessSeconds(start, targets.resolutionSeconds + pausedSeconds, calendar),
  };
}

export async function computeSlaDueTimes(
  tx: Tx,
  input: { storeId: string; priority: TicketPriority; tier: CustomerTier; start: Date; pausedSeconds?: number },
): Promise<SlaDueTimes> {
  const sla = resolveTicketSla(await loadStoreSlaSetup(tx, input.storeId), input);
  return slaDueTimes(input.start, sla, input.pausedSeconds, sla.calendar);
}
