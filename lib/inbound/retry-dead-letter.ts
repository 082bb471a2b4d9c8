import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { deadLetterSelect, toDeadLetterDto, type DeadLetterDto } from "./dead-letter-dto.ts";
import { notifyInboundEvent } from "./inbound-signal.ts";

/** Puts a dead letter back in the queue with fresh attempts (after a fix, a re-authorisation, a deploy). */
export async function retryDeadLetter(db: Db, input: { storeId: string; eventId: string }): Promise<DeadLetterDto> {
  if (!isUuid(input.eventId)) throw new AppError("NOT_FOUND", "Dead letter not found");
  const { count } = await db.inboundEvent.updateMany({
    where: { id: input.eventId, storeId: input.storeId, status: "DEAD" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedAt: null, lockedBy: null },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Dead letter not found");
  notifyInboundEvent();
  return toDeadLetterDto(await db.inboundEvent.findUniqueOrThrow({ where: { id: input.eventId }, select: deadLetterSelect }));
}
