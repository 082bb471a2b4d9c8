import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "./ticket-dto.ts";

export type ActivityInput = {
  storeId: string;
  ticketId: string;
  actorId: string | null;
  body: string;
  meta: Prisma.InputJsonObject;
};

/** An entry in the thread recording what happened to the ticket (never delivered to the customer). */
export async function createActivityInTx(tx: Tx, input: ActivityInput): Promise<MessageDto> {
  const row = await tx.message.create({
    data: {
      storeId: input.storeId,
      ticketId: input.ticketId,
      kind: "ACTIVITY",
      channel: "INTERNAL",
      authorId: input.actorId,
      body: input.body,
      meta: input.meta,
    },
    select: messageDtoSelect,
  });
  return toMessageDto(row);
}
