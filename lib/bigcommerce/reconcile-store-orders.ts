import type { Db } from "@/lib/db/client.ts";
import { recordInboundEvent } from "@/lib/inbound/record-inbound-event.ts";
import { bigcommerceClientForStore } from "./bigcommerce-client-for-store.ts";
import { ORDER_STATUS } from "./bigcommerce-types.ts";

export type ReconcileResult = { checked: number; enqueued: number; since: Date };

export type ReconcileOptions = {
  now?: Date;
  /** Run even if another run (any process) happened within `intervalMs`. */
  force?: boolean;
  intervalMs?: number;
  maxPages?: number;
};

// Changes younger than this may still have their webhook in flight: the next run covers them.
const GRACE_MS = 2 * 60_000;
// Read a little before the last run, for clock skew between BigCommerce and Tern.
const OVERLAP_MS = 5 * 60_000;
const PAGE_SIZE = 100;

/**
 * Takes this run for the store: moves lastReconciledAt forward only if no other process did so
 * within the interval. Returns the previous value (the run's starting point), or undefined when
 * another run has it.
 */
async function claimRun(db: Db, storeId: string, upTo: Date, options: ReconcileOptions): Promise<{ previous: Date | null } | undefined> {
  const notBefore = new Date(upTo.getTime() - (options.force ? 0 : (options.intervalMs ?? 0)));
  const rows = await db.$queryRaw<{ previous: Date | null }[]>`
    UPDATE "Store" AS store SET "lastReconciledAt" = ${upTo}
    FROM (SELECT id, "lastReconciledAt" AS previous FROM "Store" WHERE id = ${storeId}::uuid FOR UPDATE) AS old
    WHERE store.id = old.id AND (${options.force ?? false} OR old.previous IS NULL OR old.previous <= ${notBefore})
    RETURNING old.previous`;
  return rows[0];
}

/**
 * The reconciliation job for one store: reads the orders changed since the last run (or the last
 * event seen) and, for each one Tern's snapshot does not reflect yet, feeds an "order updated"
 * event through the same inbound path a webhook takes. Events that never arrived are made up for;
 * nothing is done twice (the synthetic event's key carries the order's date_modified, and
 * processing compares state). null when Tern has no API access to the store or another run has it.
 */
export async function reconcileStoreOrders(db: Db, storeId: string, options: ReconcileOptions = {}): Promise<ReconcileResult | null> {
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) return null;
  const now = options.now ?? new Date();
  const upTo = new Date(now.getTime() - GRACE_MS);
  const claim = await claimRun(db, storeId, upTo, options);
  if (!claim) return null;

  try {
    // From the last run; the first run starts at the install (orders before it are not Tern's
    // business), or at the last event seen if the store has been receiving longer than Tern
    // has been reconciling it.
    let since = claim.previous;
    if (!since) {
      const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { installedAt: true } });
      const lastEvent = await db.inboundEvent.findFirst({
        where: { storeId, source: "BIGCOMMERCE", NOT: { dedupeKey: { startsWith: `bigcommerce:${storeId}:reconcile:` } } },
        orderBy: { receivedAt: "desc" },
        select: { receivedAt: true },
      });
      since = lastEvent && lastEvent.receivedAt < store.installedAt ? lastEvent.receivedAt : store.installedAt;
    }
    since = new Date(since.getTime() - OVERLAP_MS);

    const result: ReconcileResult = { checked: 0, enqueued: 0, since };
    for (let page = 1; page <= (options.maxPages ?? 20); page += 1) {
      const orders = await client.listOrders({ minDateModified: since, sort: "date_modified:asc", page, limit: PAGE_SIZE });
      if (orders.length === 0) break;
      const snapshots = await db.orderSnapshot.findMany({
        where: { storeId, bigcommerceOrderId: { in: orders.map((order) => order.id) } },
        select: { bigcommerceOrderId: true, dateModified: true },
      });
      const known = new Map(snapshots.map((snapshot) => [snapshot.bigcommerceOrderId, snapshot.dateModified]));
      for (const order of orders) {
        const modified = new Date(order.date_modified);
        if (Number.isNaN(modified.getTime()) || modified > upTo) continue;
        result.checked += 1;
        const stored = known.get(order.id);
        if (stored === undefined && order.status_id === ORDER_STATUS.INCOMPLETE) continue;
        if (stored && stored >= modified) continue;
        const createdAt = Math.floor(modified.getTime() / 1000);
        const recorded = await recordInboundEvent(db, {
          storeId,
          source: "BIGCOMMERCE",
          dedupeKey: `bigcommerce:${storeId}:reconcile:${order.id}:${createdAt}`,
          kind: "store/order/updated",
          payload: { scope: "store/order/updated", data: { type: "order", id: order.id }, created_at: createdAt, producer: `stores/${client.storeHash}`, reconciled: true },
        });
        if (!recorded.duplicate) result.enqueued += 1;
      }
      if (orders.length < PAGE_SIZE) break;
    }
    return result;
  } catch (error) {
    // Give the window back, so the next run reads it again.
    await db.store.updateMany({ where: { id: storeId, lastReconciledAt: upTo }, data: { lastReconciledAt: claim.previous } });
    throw error;
  }
}
