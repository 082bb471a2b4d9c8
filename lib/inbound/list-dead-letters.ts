import type { Db } from "@/lib/db/client.ts";
import type { InboundSource } from "@/lib/generated/prisma/enums.ts";
import { deadLetterSelect, toDeadLetterDto, type DeadLetterDto } from "./dead-letter-dto.ts";

export type ListDeadLettersInput = { storeId: string; source?: InboundSource; cursor?: string; limit?: number; includeHandled?: boolean };

/**
 * The store's dead letters, newest first (ids are UUIDv7, so id order is arrival order). Those
 * already turned into a ticket by hand are left out unless asked for.
 */
export async function listDeadLetters(db: Db, input: ListDeadLettersInput): Promise<{ items: DeadLetterDto[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const rows = await db.inboundEvent.findMany({
    where: {
      storeId: input.storeId,
      status: "DEAD",
      ...(input.source ? { source: input.source } : {}),
      ...(input.includeHandled ? {} : { manualTicketId: null }),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: deadLetterSelect,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(toDeadLetterDto), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}
