import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { customerGroupNames } from "../sync/customer-group-names.ts";
import { loadCustomerMapping } from "../sync/customer-sync-settings.ts";
import { mapBigcommerceCustomer, type MappedCustomer } from "../sync/map-bigcommerce-customer.ts";
import { saveMappedCustomersInTx } from "../sync/save-mapped-customers.ts";

export type PageOutcome = "more" | "done" | "lost" | "failed";

export type ImportPageOptions = {
  workerId: string;
  leaseMs: number;
  pageSize: number;
  /** Consecutive failed pages before the import gives up. */
  maxFailures?: number;
  /** 429s tolerated per API call before the page counts as failed (and is retried after a pause). */
  maxRateLimitRetries?: number;
};

// The skip log keeps this many rows per import; the count goes on.
export const MAX_LOGGED_SKIPS = 10_000;
const DEFAULT_MAX_FAILURES = 8;
// A page of 250 customers is a few statements; the margin is for a busy database, not the norm.
const PAGE_TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Imports the next page of one claimed import: reads it from BigCommerce (through the store's
 * rate-limit gate; 429s are waited out), maps each account, and in one transaction saves the
 * customers, logs the skipped ones, and moves the cursor, counts and lease on. The transaction
 * commits only while this worker still holds a RUNNING import, so a cancelled import or a lease
 * another worker took over changes nothing ("lost"). A crash loses at most the page in hand.
 */
export async function runCustomerImportPage(db: Db, importId: string, options: ImportPageOptions): Promise<PageOutcome> {
  const job = await db.customerImport.findFirst({
    where: { id: importId, status: "RUNNING", lockedBy: options.workerId },
    select: { storeId: true, nextPage: true, skipped: true, failures: true },
  });
  if (!job) return "lost";
  let apiCalls = 0;
  let rateLimited = 0;
  const client = await bigcommerceClientForStore(db, job.storeId, {
    maxRateLimitRetries: options.maxRateLimitRetries,
    onResponse: (status) => {
      apiCalls += 1;
      if (status === 429) rateLimited += 1;
    },
  });
  const finish = async (status: "FAILED", error: string) => {
    await db.customerImport.updateMany({
      where: { id: importId, status: "RUNNING", lockedBy: options.workerId },
      data: { status, error, finishedAt: new Date(), lockedBy: null, leaseUntil: null, apiCalls: { increment: apiCalls }, rateLimited: { increment: rateLimited } },
    });
    return "failed" as const;
  };
  if (!client) return finish("FAILED", "Tern has no API access to this store any more");

  let page: Awaited<ReturnType<typeof client.listCustomersPage>>;
  let groups: Map<number, string>;
  try {
    groups = await customerGroupNames(client, job.storeId, { fresh: job.nextPage === 1 });
    page = await client.listCustomersPage({ page: job.nextPage, limit: options.pageSize });
  } catch (error) {
    if (error instanceof BigcommerceApiError && (error.status === 401 || error.status === 403)) return finish("FAILED", `BigCommerce refused the import: ${reasonOf(error)}`);
    const failures = job.failures + 1;
    if (failures >= (options.maxFailures ?? DEFAULT_MAX_FAILURES)) return finish("FAILED", `Gave up after ${failures} failed reads: ${reasonOf(error)}`);
    // Kept RUNNING; the pause before the next try grows with each failure (the lease is the pause).
    const pauseMs = Math.min(60_000, 1_000 * 2 ** failures);
    await db.$executeRaw`
      UPDATE "CustomerImport" SET failures = ${failures}, error = ${reasonOf(error)}, "apiCalls" = "apiCalls" + ${apiCalls},
        "rateLimited" = "rateLimited" + ${rateLimited}, "lockedBy" = NULL, "leaseUntil" = now() + make_interval(secs => ${pauseMs / 1000}::float8), "updatedAt" = now()
      WHERE id = ${importId}::uuid AND status = 'RUNNING' AND "lockedBy" = ${options.workerId}`;
    return "lost";
  }

  const mapping = await loadCustomerMapping(db, job.storeId);
  const skips: Array<{ bigcommerceCustomerId: number | null; reason: string }> = [];
  const mapped: MappedCustomer[] = [];
  for (const account of page.customers) {
    const result = mapBigcommerceCustomer(account, mapping, { groupNames: groups });
    if (result.ok) mapped.push(result.customer);
    else skips.push({ bigcommerceCustomerId: result.bigcommerceCustomerId, reason: result.reason });
  }
  const totalPages = page.pagination?.total_pages ?? null;
  const done = page.customers.length === 0 || (totalPages !== null && job.nextPage >= totalPages);
  const now = new Date();

  return db.$transaction(async (tx) => {
    const saved = await saveMappedCustomersInTx(tx, job.storeId, mapped, mapping, now);
    const allSkips = [...skips, ...saved.skips];
    const room = Math.max(0, MAX_LOGGED_SKIPS - job.skipped);
    if (allSkips.length && room > 0) {
      await tx.customerImportSkip.createMany({
        data: allSkips.slice(0, room).map((skip) => ({ importId, storeId: job.storeId, bigcommerceCustomerId: skip.bigcommerceCustomerId, reason: skip.reason })),
      });
    }
    const moved = await tx.$executeRaw`
      UPDATE "CustomerImport" SET
        "nextPage" = "nextPage" + 1,
        "totalPages" = ${totalPages}::int,
        total = COALESCE(${page.pagination?.total ?? null}::int, total),
        processed = processed + ${page.customers.length},
        imported = imported + ${saved.saved},
        skipped = skipped + ${allSkips.length},
        "apiCalls" = "apiCalls" + ${apiCalls},
        "rateLimited" = "rateLimited" + ${rateLimited},
        failures = 0,
        error = NULL,
        status = CASE WHEN ${done}::boolean THEN 'DONE'::"CustomerImportStatus" ELSE status END,
        "finishedAt" = CASE WHEN ${done}::boolean THEN ${now}::timestamptz ELSE NULL END,
        "lockedBy" = CASE WHEN ${done}::boolean THEN NULL ELSE "lockedBy" END,
        "leaseUntil" = CASE WHEN ${done}::boolean THEN NULL ELSE now() + make_interval(secs => ${options.leaseMs / 1000}::float8) END,
        "updatedAt" = now()
      WHERE id = ${importId}::uuid AND status = 'RUNNING' AND "lockedBy" = ${options.workerId} AND "nextPage" = ${job.nextPage}`;
    // Cancelled or taken over meanwhile: none of this page's writes stay.
    if (moved !== 1) throw new LostImportError();
    return done ? ("done" as const) : ("more" as const);
  }, PAGE_TX_OPTIONS).catch((error: unknown) => {
    if (error instanceof LostImportError) return "lost" as const;
    throw error;
  });
}

class LostImportError extends Error {
  constructor() {
    super("The import is no longer this worker's");
  }
}
