import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "./ticket-dto.ts";

export type NewerRepliesInput = {
  storeId: string;
  ticketId: string;
  /** The last thread entry the agent saw; null when they saw an empty thread. */
  lastSeenMessageId: string | null;
  /** The agent about to reply: their own replies are no surprise. */
  actorId: string;
};

/**
 * Replies other people sent to the customer after the last entry the agent saw, oldest first.
 * Notes and automatic replies (no author) do not count: only a person's answer to the customer
 * can make the agent's reply a second, contradicting one. Run it under the ticket's lock so a
 * reply committed just before is seen.
 */
export async function findNewerRepliesInTx(tx: Tx, input: NewerRepliesInput): Promise<MessageDto[]> {
  const { storeId, ticketId, lastSeenMessageId, actorId } = input;
  let after: { createdAt: Date; id: string } | null = null;
  if (lastSeenMessageId !== null) {
    const seen = isUuid(lastSeenMessageId)
      ? await tx.message.findFirst({ where: { id: lastSeenMessageId, ticketId, storeId }, select: { id: true, createdAt: true } })
      : null;
    if (!seen) {
      throw new AppError("VALIDATION_FAILED", "The request is not valid", [
        { path: "lastSeenMessageId", code: "custom", message: "Last seen message is not a message of this ticket." },
      ]);
    }
    after = seen;
  }
  const rows = await tx.message.findMany({
    where: {
      storeId,
      ticketId,
      kind: "OUTBOUND",
      authorId: { not: null },
      NOT: { authorId: actorId },
      // Thread order is (createdAt, id), ids being time-ordered uuid v7.
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: messageDtoSelect,
  });
  return rows.map(toMessageDto);
}
