import type { Db } from "@/lib/db/client.ts";
import { isValidTimeZone } from "@/lib/ticket-lifecycle/zoned-time.ts";

/** The store's time zone for SLA business hours and metrics days (UTC when unset or unknown). */
export async function getStoreTimeZone(db: Db, storeId: string): Promise<string> {
  const store = await db.store.findFirst({ where: { id: storeId }, select: { timeZone: true } });
  return store && isValidTimeZone(store.timeZone) ? store.timeZone : "UTC";
}
