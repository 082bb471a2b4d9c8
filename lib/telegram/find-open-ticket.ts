import type { Tx } from "@/lib/db/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

export type OpenTicket = { id: string; number: number; status: TicketStatus; assigneeId: string | null };

const openTicketSelect = { id: true, number: true, status: true, assigneeId: true } as const;

/**
 * The thread a new message from this chat joins: the most recently active ticket that is not
 * closed and is this chat's conversation, or the customer's with no chat yet (an order's ticket).
 * A resolved one counts (the message reopens it), as the SPEC asks. When the customer named an
 * order, that order's ticket wins over a more recent one about another order.
 */
export async function findOpenTicketInTx(tx: Tx, storeId: string, customerId: string, chatIdentityId: string, orderId?: number | null): Promise<OpenTicket | null> {
  const notClosed = {
    storeId,
    status: { not: "CLOSED" as const },
    OR: [{ customerId, channelIdentityId: null }, { channelIdentityId: chatIdentityId }],
  };
  const newestFirst = [{ updatedAt: "desc" as const }, { id: "desc" as const }];
  if (orderId) {
    const forOrder = await tx.ticket.findFirst({ where: { ...notClosed, bigcommerceOrderId: orderId }, orderBy: newestFirst, select: openTicketSelect });
    if (forOrder) return forOrder;
  }
  return tx.ticket.findFirst({ where: notClosed, orderBy: newestFirst, select: openTicketSelect });
}

/**
 * The open ticket of an order this chat proved, whoever Tern filed it under (a guest's order sits
 * with the customer of its billing email, which the chat is not linked to): it becomes the chat's
 * conversation unless another chat has it.
 */
export async function findOpenOrderTicketInTx(tx: Tx, storeId: string, orderId: number, chatIdentityId: string): Promise<OpenTicket | null> {
  return tx.ticket.findFirst({
    where: { storeId, bigcommerceOrderId: orderId, status: { not: "CLOSED" }, OR: [{ channelIdentityId: null }, { channelIdentityId: chatIdentityId }] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: openTicketSelect,
  });
}
