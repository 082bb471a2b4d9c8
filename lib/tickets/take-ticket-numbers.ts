import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

/**
 * The store's next `count` display numbers (#1, #2, …), taken inside the creating transaction so a
 * creation that rolls back gives its numbers back: the numbers stay gap-free. The price is that
 * the store's row stays locked until that transaction commits, and every other creation in the
 * store waits from this point on (about 40 creations a second one by one): a burst of new orders
 * takes all of its numbers at once (open-new-order-tickets.ts). Returns the first.
 */
export async function takeTicketNumbersInTx(tx: Tx, storeId: string, count = 1): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    UPDATE "Store" SET "ticketSequence" = "ticketSequence" + ${count}::int WHERE id = ${storeId}::uuid RETURNING "ticketSequence" AS last`;
  const last = rows[0]?.last;
  if (last === undefined) throw new AppError("NOT_FOUND", "Store not found");
  return last - count + 1;
}
