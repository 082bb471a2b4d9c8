import type { Db } from "@/lib/db/client.ts";

export type ClaimedImport = { id: string; storeId: string; nextPage: number };

/**
 * Takes one due import for this worker: a queued one, or a running one whose worker's lease ran
 * out (it died or was restarted: the import resumes from its last committed page). SKIP LOCKED
 * lets several workers claim at once without taking the same import; the lease is moved forward
 * by every committed page. Times come from the database clock.
 */
export async function claimCustomerImport(db: Db, input: { workerId: string; leaseMs: number; storeId?: string }): Promise<ClaimedImport | null> {
  const storeId = input.storeId ?? null;
  const rows = await db.$queryRaw<ClaimedImport[]>`
    WITH due AS (
      SELECT id FROM "CustomerImport"
      WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND ("leaseUntil" IS NULL OR "leaseUntil" <= now())))
        AND (${storeId}::uuid IS NULL OR "storeId" = ${storeId}::uuid)
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    UPDATE "CustomerImport" AS job
    SET status = 'RUNNING', "lockedBy" = ${input.workerId}, "leaseUntil" = now() + make_interval(secs => ${input.leaseMs / 1000}::float8),
        "startedAt" = COALESCE(job."startedAt", now()), "updatedAt" = now()
    FROM due WHERE job.id = due.id
    RETURNING job.id, job."storeId", job."nextPage"`;
  return rows[0] ?? null;
}
