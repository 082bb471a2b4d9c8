import type { Tx } from "@/lib/db/client.ts";
import type { BusinessCalendar } from "./business-hours.ts";
import { loadStoreSlaSetup } from "./load-store-sla-setup.ts";
import { resolveTicketSla } from "./resolve-ticket-sla.ts";

/** The business calendar of the policy governing a ticket; null when its clocks run around the clock. */
export async function loadTicketSlaCalendarInTx(tx: Tx, storeId: string, ticketId: string): Promise<BusinessCalendar | null> {
  const ticket = await tx.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: { priority: true, customer: { select: { tier: true } } },
  });
  if (!ticket) return null;
  const setup = await loadStoreSlaSetup(tx, storeId);
  return resolveTicketSla(setup, { priority: ticket.priority, tier: ticket.customer?.tier ?? "STANDARD" }).calendar;
}
