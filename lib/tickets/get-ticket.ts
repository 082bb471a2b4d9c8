import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { messageDtoSelect, ticketDtoSelect, toMessageDto, toTicketDto, type MessageDto, type TicketDto } from "./ticket-dto.ts";

export type SubTicketSummary = { id: string; number: number; subject: string; status: TicketStatus; updatedAt: string };

export type TicketDetail = { ticket: TicketDto; messages: MessageDto[]; subTickets: SubTicketSummary[] };

/** A ticket with its whole thread, oldest first, and its sub-tickets. Another store's ticket is not found. */
export async function getTicket(db: Db, input: { storeId: string; ticketId: string }): Promise<TicketDetail> {
  const { storeId, ticketId } = input;
  if (!isUuid(storeId) || !isUuid(ticketId)) throw new AppError("NOT_FOUND", "Ticket not found");
  const row = await db.ticket.findFirst({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  if (!row) throw new AppError("NOT_FOUND", "Ticket not found");
  const [messages, subTickets] = await Promise.all([
    db.message.findMany({
      where: { ticketId, storeId },
      // Ids are time-ordered (uuid v7): they break ties between entries of the same millisecond.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: messageDtoSelect,
    }),
    db.ticket.findMany({
      where: { parentTicketId: ticketId, storeId },
      orderBy: { number: "asc" },
      select: { id: true, number: true, subject: true, status: true, updatedAt: true },
    }),
  ]);
  return {
    ticket: toTicketDto(row),
    messages: messages.map(toMessageDto),
    subTickets: subTickets.map((sub) => ({ ...sub, updatedAt: sub.updatedAt.toISOString() })),
  };
}
