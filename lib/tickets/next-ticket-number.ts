import pg from "pg";
import { databaseUrl } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { processShared } from "@/lib/config/process-registry.ts";

// Its own connections, outside the caller's transaction: a number taken inside the transaction
// would hold the store's row lock until commit, through routing and everything after it, and every
// other ticket creation in the store would queue behind it (about 40 a second at most). Taken
// here, in one autocommit statement, the row is held for well under a millisecond.
// The pool is separate from Prisma's so that a transaction waiting for a number can never be
// waiting for a connection that another transaction holds. The lock timeout turns the one way this
// could still wait on the caller (a caller that itself holds the store row) into an error, not a hang.
const holder = processShared<{ ternNumberPool?: pg.Pool; ternNumberPoolUrl?: string }>("tickets/number-pool", () => ({}));

function pool(): pg.Pool {
  const url = databaseUrl();
  if (!holder.ternNumberPool || holder.ternNumberPoolUrl !== url) {
    void holder.ternNumberPool?.end().catch(() => undefined);
    holder.ternNumberPool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true, options: "-c lock_timeout=10000" });
    holder.ternNumberPool.on("error", () => undefined);
    holder.ternNumberPoolUrl = url;
  }
  return holder.ternNumberPool;
}

/**
 * The store's next display number (#1, #2, …): unique and increasing per store. A creation that
 * rolls back leaves its number unused, as ticket ids in Zendesk or Chatwoot skip a number then.
 */
export async function nextTicketNumber(storeId: string): Promise<number> {
  if (!isUuid(storeId)) throw new AppError("NOT_FOUND", "Store not found");
  const { rows } = await pool().query<{ ticketSequence: number }>(
    `UPDATE "Store" SET "ticketSequence" = "ticketSequence" + 1 WHERE id = $1::uuid RETURNING "ticketSequence"`,
    [storeId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Store not found");
  return row.ticketSequence;
}
