import type { Db } from "@/lib/db/client.ts";
import { processShared } from "@/lib/config/process-registry.ts";

// Counts not yet written because the store row was busy, per store.
const holder = processShared<{ ternPendingRejections?: Map<string, number> }>("bigcommerce/pending-rejections", () => ({}));

function pending(): Map<string, number> {
  holder.ternPendingRejections ??= new Map();
  return holder.ternPendingRejections;
}

/**
 * Counts a refused delivery on the store (webhook health). The Store row is also where ticket
 * numbers are taken, so a flood of forged deliveries must never queue behind (or hold up) ticket
 * creation: the update skips a locked row and keeps the count in memory for the next one.
 */
export async function countWebhookRejection(db: Db, storeId: string): Promise<void> {
  const count = (pending().get(storeId) ?? 0) + 1;
  pending().delete(storeId);
  const updated = await db.$executeRaw`
    UPDATE "Store" SET "webhookRejectedCount" = "webhookRejectedCount" + ${count}, "webhookLastRejectedAt" = now()
    WHERE id = (SELECT id FROM "Store" WHERE id = ${storeId}::uuid FOR UPDATE SKIP LOCKED)`;
  if (updated === 0) pending().set(storeId, (pending().get(storeId) ?? 0) + count);
}
