import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";

/**
 * Something the bot tells the customer inside a ticket (confirmation, order status, the CSAT
 * question): shown in the thread and delivered by the sender like an agent reply, but by nobody,
 * so it stops no SLA clock and moves no status.
 */
export async function addBotMessageInTx(
  tx: Tx,
  input: { storeId: string; ticketId: string; body: string; meta: Prisma.InputJsonObject; now?: Date },
): Promise<MessageDto> {
  const row = await tx.message.create({
    data: {
      storeId: input.storeId,
      ticketId: input.ticketId,
      kind: "OUTBOUND",
      channel: "TELEGRAM",
      authorId: null,
      body: input.body,
      deliveryStatus: "QUEUED",
      meta: input.meta,
      ...(input.now ? { createdAt: input.now } : {}),
    },
    select: messageDtoSelect,
  });
  return toMessageDto(row);
}
