import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

/**
 * Takes the ticket's row lock for the rest of the transaction, so concurrent status changes,
 * replies and assignments on one ticket run one after another and each sees the last one's result.
 * A ticket of another store is reported exactly like a missing one.
 */
export async function lockTicket(tx: Tx, storeId: string, ticketId: string): Promise<void> {
  if (!isUuid(storeId) || !isUuid(ticketId)) throw new AppError("NOT_FOUND", "Ticket not found");
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Ticket" WHERE "storeId" = ${storeId}::uuid AND id = ${ticketId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Ticket not found");
}
