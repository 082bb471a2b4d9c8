import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

/**
 * The store's next display number. The UPDATE holds the store row until the transaction ends,
 * so concurrent creations queue here and numbers have no gaps or duplicates (a rolled-back
 * creation gives its number back).
 */
export async function nextTicketNumberInTx(tx: Tx, storeId: string): Promise<number> {
  if (!isUuid(storeId)) throw new AppError("NOT_FOUND", "Store not found");
  const rows = await tx.$queryRaw<{ ticketSequence: number }[]>`
    UPDATE "Store" SET "ticketSequence" = "ticketSequence" + 1 WHERE id = ${storeId}::uuid RETURNING "ticketSequence"`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Store not found");
  return row.ticketSequence;
}
