import type { Tx } from "@/lib/db/client.ts";

export type Settlement =
  | { outcome: "processed" }
  | { outcome: "retry"; error: string; delayMs: number }
  | { outcome: "dead"; error: string };

const MAX_ERROR_LENGTH = 2_000;

/**
 * Records how an attempt ended. Fenced on the lease: a worker whose lease expired (and whose event
 * another worker now holds) changes nothing, so the slower of two never overwrites the other's outcome.
 * Returns whether this worker's outcome was recorded.
 */
export async function settleInboundEvent(db: Tx, eventId: string, workerId: string, settlement: Settlement): Promise<boolean> {
  if (settlement.outcome === "processed") return (await settleProcessedEvents(db, [eventId], workerId)) === 1;
  const where = { id: eventId, status: "PROCESSING" as const, lockedBy: workerId };
  const unlock = { lockedAt: null, lockedBy: null };
  let data;
  switch (settlement.outcome) {
    case "retry":
      data = {
        ...unlock,
        status: "FAILED" as const,
        error: settlement.error.slice(0, MAX_ERROR_LENGTH),
        nextAttemptAt: new Date(Date.now() + settlement.delayMs),
      };
      break;
    case "dead":
      data = { ...unlock, status: "DEAD" as const, error: settlement.error.slice(0, MAX_ERROR_LENGTH) };
      break;
  }
  const { count } = await db.inboundEvent.updateMany({ where, data });
  return count === 1;
}

/** Records several events as processed in one statement, fenced like settleInboundEvent. Returns how many were recorded. */
export async function settleProcessedEvents(db: Tx, eventIds: string[], workerId: string): Promise<number> {
  const { count } = await db.inboundEvent.updateMany({
    where: { id: { in: eventIds }, status: "PROCESSING", lockedBy: workerId },
    data: { lockedAt: null, lockedBy: null, status: "PROCESSED", processedAt: new Date(), processedBy: workerId, error: null },
  });
  return count;
}
