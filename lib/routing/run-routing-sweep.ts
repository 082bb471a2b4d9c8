import type { Db } from "@/lib/db/client.ts";
import { drainQueue } from "./drain-queue.ts";
import { requeueUnresponsiveTickets } from "./requeue-unresponsive-tickets.ts";

export type RoutingSweepResult = { requeued: number; assigned: number };

/**
 * The routing half of the scheduler: tickets whose agent did not respond in time go back to the
 * queue, then every store's queue is drained into the capacity that freed up (resolved tickets,
 * agents back online, tickets returned to the queue by hand).
 */
export async function runRoutingSweep(db: Db, options: { now?: Date; storeId?: string } = {}): Promise<RoutingSweepResult> {
  const result: RoutingSweepResult = { requeued: 0, assigned: 0 };
  const stores = options.storeId
    ? [{ id: options.storeId }]
    : await db.store.findMany({ where: { status: { not: "UNINSTALLED" } }, select: { id: true }, orderBy: { id: "asc" } });
  for (const store of stores) {
    result.requeued += (await requeueUnresponsiveTickets(db, { storeId: store.id, now: options.now })).length;
    result.assigned += (await drainQueue(db, { storeId: store.id, now: options.now })).length;
  }
  return result;
}
