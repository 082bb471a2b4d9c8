import type { Tx } from "@/lib/db/client.ts";

export type ConversationChat = { id: string; externalId: string; blockedAt: Date | null; verifiedAt: Date | null };

const chatSelect = { id: true, externalId: true, blockedAt: true, verifiedAt: true } as const;

/**
 * The Telegram chat a ticket's replies go to: the conversation's own chat (the one that opened or
 * first joined it), else, for a ticket no chat has written in (an order's ticket), the chat that
 * most recently proved it is the customer's. Never an unverified chat picked by customer alone:
 * anyone can claim a customer, and their chat must not receive someone else's order news.
 */
export async function conversationChatInTx(
  tx: Tx,
  storeId: string,
  ticket: { channelIdentityId: string | null; customerId: string | null },
): Promise<ConversationChat | null> {
  if (ticket.channelIdentityId) {
    return tx.channelIdentity.findFirst({ where: { id: ticket.channelIdentityId, storeId }, select: chatSelect });
  }
  if (!ticket.customerId) return null;
  return tx.channelIdentity.findFirst({
    where: { storeId, customerId: ticket.customerId, channel: "TELEGRAM", verifiedAt: { not: null } },
    orderBy: { verifiedAt: "desc" },
    select: chatSelect,
  });
}
