import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { lockTicket } from "./lock-ticket.ts";

export type LockedTicket = { status: TicketStatus; customerId: string | null; firstResponseAt: Date | null };

/** Locks the ticket and refuses a closed one: closed threads take no more replies or notes. */
export async function requireOpenTicketInTx(tx: Tx, storeId: string, ticketId: string): Promise<LockedTicket> {
  await lockTicket(tx, storeId, ticketId);
  const ticket = await tx.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: { status: true, customerId: true, firstResponseAt: true },
  });
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  if (ticket.status === "CLOSED") throw new AppError("CONFLICT", "The ticket is closed: reopen it as a new ticket instead");
  return ticket;
}
