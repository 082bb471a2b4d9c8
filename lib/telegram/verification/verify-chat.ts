import type { Tx } from "@/lib/db/client.ts";
import type { IdentityProof } from "@/lib/generated/prisma/enums.ts";
import { findOpenOrderTicketInTx, findOpenTicketInTx } from "../find-open-ticket.ts";
import { linkIdentityInTx } from "../link-identity.ts";
import type { StorePerson } from "../store-order-lookup.ts";
import type { TelegramIdentity } from "../telegram-identity.ts";

/**
 * The chat proved it is this store customer's: it moves to them (with the conversations it opened
 * unverified) and records how it proved it, in the audit log too (an agent's verification is
 * logged by its caller, with the agent). Returns the customer id. Call with the chat locked.
 */
export async function verifyChatInTx(
  tx: Tx,
  input: { storeId: string; identity: TelegramIdentity; person: StorePerson; proof: IdentityProof; orderId: number | null; now: Date },
): Promise<string> {
  const customerId = await linkIdentityInTx(tx, input.storeId, input.identity, input.person);
  await tx.channelIdentity.update({ where: { id: input.identity.id }, data: { verifiedAt: input.now, verifiedBy: input.proof }, select: { id: true } });
  if (input.proof !== "AGENT") {
    await tx.auditLog.create({
      data: {
        storeId: input.storeId,
        actorId: null,
        action: "telegram.chat_verified",
        targetType: "ChannelIdentity",
        targetId: input.identity.id,
        detail: { chatId: input.identity.chatId, proof: input.proof, bigcommerceOrderId: input.orderId, customerId },
      },
      select: { id: true },
    });
  }
  return customerId;
}

/** The chat's open conversation (opened before it was verified, or since), newest first. */
async function openConversationOfChatInTx(tx: Tx, storeId: string, chatIdentityId: string) {
  return tx.ticket.findFirst({
    where: { storeId, channelIdentityId: chatIdentityId, status: { not: "CLOSED" } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { id: true, number: true, bigcommerceOrderId: true },
  });
}

/** A conversation that was about no order learns the order its chat proved, with the stored snapshot when there is one. */
export async function attachOrderInTx(tx: Tx, storeId: string, ticketId: string, orderId: number): Promise<void> {
  const snapshot = await tx.orderSnapshot.findUnique({ where: { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: orderId } }, select: { id: true } });
  await tx.ticket.updateMany({ where: { id: ticketId, storeId, bigcommerceOrderId: null }, data: { bigcommerceOrderId: orderId, orderSnapshotId: snapshot?.id ?? null } });
}

/**
 * The ticket a chat that just proved an order talks in: its own open conversation (opened while
 * unverified), else the open ticket of the order it proved, else its customer's open ticket.
 */
export async function conversationAfterProofInTx(tx: Tx, input: { storeId: string; chatIdentityId: string; customerId: string; orderId: number | null }): Promise<{ id: string; number: number } | null> {
  const { storeId, chatIdentityId, customerId, orderId } = input;
  const own = await openConversationOfChatInTx(tx, storeId, chatIdentityId);
  if (own) return own;
  const ofOrder = orderId ? await findOpenOrderTicketInTx(tx, storeId, orderId, chatIdentityId) : null;
  return ofOrder ?? findOpenTicketInTx(tx, storeId, customerId, chatIdentityId, orderId);
}
