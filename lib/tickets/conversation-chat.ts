import type { Tx } from "@/lib/db/client.ts";

export type ConversationChat = { id: string; externalId: string; username: string | null; displayName: string | null; blockedAt: Date | null; verifiedAt: Date | null };

const chatSelect = { id: true, externalId: true, username: true, displayName: true, blockedAt: true, verifiedAt: true, verifiedBy: true, intakeState: true } as const;

function provedOrderOf(intakeState: unknown): number | null {
  const orderId = intakeState && typeof intakeState === "object" ? (intakeState as { orderId?: unknown }).orderId : undefined;
  return typeof orderId === "number" ? orderId : null;
}

function accountOf(order: unknown): number | null {
  const customerId = order && typeof order === "object" ? (order as { customer_id?: unknown }).customer_id : undefined;
  return typeof customerId === "number" && customerId > 0 ? customerId : null;
}

/**
 * The Telegram chat a ticket's replies go to: the conversation's own chat (the one that opened or
 * first joined it). A ticket no chat has written in goes to the customer's most recently verified
 * chat that is entitled to it: any, for a ticket about no order; for an order's ticket, one that
 * proved this very order, one linked through the BigCommerce account the order was placed under,
 * or one an agent vouched for. Never an unverified chat picked by customer, nor a chat whose only
 * tie to the order is an email: Tern files guest orders by billing email, which anyone can type at
 * checkout.
 */
export async function conversationChatInTx(tx: Tx, storeId: string, ticketId: string): Promise<ConversationChat | null> {
  const ticket = await tx.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: { channelIdentityId: true, customerId: true, bigcommerceOrderId: true, customer: { select: { bigcommerceCustomerId: true } }, orderSnapshot: { select: { order: true } } },
  });
  if (!ticket) return null;
  const strip = (row: ConversationChat & { intakeState: unknown; verifiedBy: unknown }): ConversationChat => ({
    id: row.id,
    externalId: row.externalId,
    username: row.username,
    displayName: row.displayName,
    blockedAt: row.blockedAt,
    verifiedAt: row.verifiedAt,
  });
  if (ticket.channelIdentityId) {
    const own = await tx.channelIdentity.findFirst({ where: { id: ticket.channelIdentityId, storeId }, select: chatSelect });
    return own && strip(own);
  }
  if (!ticket.customerId) return null;
  const verified = await tx.channelIdentity.findMany({
    where: { storeId, customerId: ticket.customerId, channel: "TELEGRAM", verifiedAt: { not: null } },
    orderBy: { verifiedAt: "desc" },
    take: 20,
    select: chatSelect,
  });
  const orderId = ticket.bigcommerceOrderId;
  const account = ticket.customer?.bigcommerceCustomerId ?? null;
  const placedUnderAccount = account !== null && accountOf(ticket.orderSnapshot?.order) === account;
  const entitled = verified.find(
    (chat) => orderId === null || placedUnderAccount || chat.verifiedBy === "AGENT" || provedOrderOf(chat.intakeState) === orderId,
  );
  return entitled ? strip(entitled) : null;
}
