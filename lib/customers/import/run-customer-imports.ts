import type { Db } from "@/lib/db/client.ts";
import { claimCustomerImport } from "./claim-customer-import.ts";
import { runCustomerImportPage, type ImportPageOptions } from "./run-customer-import-page.ts";

export type RunImportsOptions = ImportPageOptions & {
  /** Stops between pages (a worker shutting down leaves the rest to the next claim). */
  signal?: AbortSignal;
  storeId?: string;
  /** Tests stop after this many pages, as a crash would. */
  maxPages?: number;
};

/**
 * Claims due imports one after another and runs each page by page until it is done, cancelled,
 * failed, taken over, or the worker stops. Returns the number of pages committed.
 */
export async function runCustomerImports(db: Db, options: RunImportsOptions): Promise<number> {
  let pages = 0;
  while (!options.signal?.aborted) {
    const claimed = await claimCustomerImport(db, { workerId: options.workerId, leaseMs: options.leaseMs, storeId: options.storeId });
    if (!claimed) break;
    for (;;) {
      if (options.signal?.aborted || (options.maxPages !== undefined && pages >= options.maxPages)) return pages;
      const outcome = await runCustomerImportPage(db, claimed.id, options);
      if (outcome === "more" || outcome === "done") pages += 1;
      if (outcome !== "more") break;
    }
  }
  return pages;
}
