import type { Db } from "@/lib/db/client.ts";
import { requireOpenTicketInTx } from "./require-open-ticket.ts";
import { recordMessagesAddedInTx } from "./ticket-change.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "./ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "./transaction-options.ts";

export type AddNoteInput = { storeId: string; ticketId: string; body: string; actorId: string | null };

/** An internal note: visible to agents only, never delivered, no effect on SLA clocks or status. */
export async function addNote(db: Db, input: AddNoteInput): Promise<MessageDto> {
  return db.$transaction(async (tx) => {
    await requireOpenTicketInTx(tx, input.storeId, input.ticketId);
    const row = await tx.message.create({
      data: {
        storeId: input.storeId,
        ticketId: input.ticketId,
        kind: "NOTE",
        channel: "INTERNAL",
        authorId: input.actorId,
        body: input.body,
      },
      select: messageDtoSelect,
    });
    const note = toMessageDto(row);
    await recordMessagesAddedInTx(tx, input.storeId, [note]);
    return note;
  }, TICKET_TX_OPTIONS);
}
