import type { Tx } from "@/lib/db/client.ts";
import type { StoreSlaSetup } from "./resolve-ticket-sla.ts";

/**
 * The store's time zone, SLA policies and holidays: everything resolveTicketSla needs, in three
 * small reads (one after another: they may run on a transaction's single connection).
 */
export async function loadStoreSlaSetup(tx: Tx, storeId: string): Promise<StoreSlaSetup> {
  const store = await tx.store.findFirst({ where: { id: storeId }, select: { timeZone: true } });
  const policies = await tx.slaPolicy.findMany({
    where: { storeId },
    select: {
      id: true,
      name: true,
      priority: true,
      tier: true,
      firstResponseSeconds: true,
      nextResponseSeconds: true,
      resolutionSeconds: true,
      warnAtShare: true,
      businessHours: true,
      createdAt: true,
    },
  });
  // Holidays only matter to business-hours policies; most stores have none, and tickets are created often.
  const usesBusinessHours = policies.some((policy) => policy.businessHours !== null);
  const holidays = usesBusinessHours ? await tx.slaHoliday.findMany({ where: { storeId }, select: { date: true } }) : [];
  return {
    timeZone: store?.timeZone ?? "UTC",
    policies,
    // @db.Date comes back as UTC midnight of that calendar day.
    holidays: holidays.map((holiday) => holiday.date.toISOString().slice(0, 10)),
  };
}
