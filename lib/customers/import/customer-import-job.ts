import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { waitForCustomerImport } from "./customer-import-signal.ts";
import { runCustomerImports } from "./run-customer-imports.ts";

// Imports are queued by the web process: polled this often (a queued import starts within it).
const POLL_MS = 2_000;
// A worker that stops renewing (each committed page renews) for this long has died: another takes over.
export const CUSTOMER_IMPORT_LEASE_MS = 60_000;
export const CUSTOMER_IMPORT_PAGE_SIZE = 250;

/** The customer import runner, in the worker process (never in a web request). */
export const customerImportJob: JobStarter = {
  name: "customer import",
  enabled: () => true,
  start: async ({ instanceId, log }) => {
    const stopping = new AbortController();
    const loop = (async () => {
      while (!stopping.signal.aborted) {
        try {
          await runCustomerImports(db(), { workerId: `${instanceId}:customer-import`, leaseMs: CUSTOMER_IMPORT_LEASE_MS, pageSize: CUSTOMER_IMPORT_PAGE_SIZE, signal: stopping.signal });
        } catch (error) {
          log(`customer import: ${error instanceof Error ? error.message : String(error)}`);
        }
        await waitForCustomerImport(POLL_MS, stopping.signal);
      }
    })();
    return async () => {
      stopping.abort();
      await loop;
    };
  },
};
