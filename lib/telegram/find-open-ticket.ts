import type { Tx } from "@/lib/db/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

export type OpenTicket = { id: string; number: number; status: TicketStatus; assigneeId: string | null };

/**
 * The customer's thread a new message joins: their most recently active ticket that is not
 * closed. A resolved one counts (the message reopens it), as the SPEC asks.
 */
export async function findOpenTicketInTx(tx: Tx, storeId: string, customerId: string): Promise<OpenTicket | null> {
  return tx.ticket.findFirst({
    where: { storeId, customerId, status: { not: "CLOSED" } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { id: true, number: true, status: true, assigneeId: true },
  });
}
