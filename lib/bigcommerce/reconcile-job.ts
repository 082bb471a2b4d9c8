import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { reconcileStoreCustomers } from "@/lib/customers/sync/reconcile-store-customers.ts";
import { reconcileStoreOrders } from "./reconcile-store-orders.ts";

/**
 * Every few minutes, each installed store's recent orders are compared with Tern's snapshots
 * (reconcile-store-orders.ts). Safe with several instances: each run is claimed per store.
 */
export const bigcommerceReconcileJob: JobStarter = {
  name: "BigCommerce reconciliation",
  enabled: (env) => env.TERN_RECONCILE_MS > 0,
  start: async ({ env, log }) => {
    const intervalMs = env.TERN_RECONCILE_MS;
    const stopping = new AbortController();
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        stopping.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
    const loop = (async () => {
      // Let start-up (migrations, demo traffic) settle before the first run.
      await sleep(Math.min(intervalMs, 30_000));
      while (!stopping.signal.aborted) {
        try {
          const stores = await db().store.findMany({ where: { status: "ACTIVE", accessTokenEncrypted: { not: null } }, select: { id: true, name: true } });
          for (const store of stores) {
            if (stopping.signal.aborted) break;
            const result = await reconcileStoreOrders(db(), store.id, { intervalMs }).catch((error: unknown) => {
              log(`reconciliation of ${store.name} failed: ${error instanceof Error ? error.message : String(error)}`);
              return null;
            });
            if (result?.enqueued) log(`reconciliation of ${store.name}: ${result.enqueued} missed order change(s) queued`);
            const customers = await reconcileStoreCustomers(db(), store.id, { intervalMs }).catch((error: unknown) => {
              log(`customer reconciliation of ${store.name} failed: ${error instanceof Error ? error.message : String(error)}`);
              return null;
            });
            if (customers?.saved) log(`reconciliation of ${store.name}: ${customers.saved} changed customer(s) brought in`);
          }
        } catch (error) {
          log(`reconciliation: ${error instanceof Error ? error.message : String(error)}`);
        }
        await sleep(intervalMs);
      }
    })();
    return async () => {
      stopping.abort();
      await loop;
    };
  },
};
