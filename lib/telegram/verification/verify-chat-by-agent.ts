import { BigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { conversationChatInTx } from "@/lib/tickets/conversation-chat.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { ticketDtoSelect, toTicketDto, type TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { replies } from "../bot-replies.ts";
import { inChatTransaction } from "../chat-transaction.ts";
import { sayInChatInTx } from "../say-in-chat.ts";
import { personOfOrder } from "../store-order-lookup.ts";
import { findTelegramIdentity, saveIntakeStateInTx } from "../telegram-identity.ts";
import { attachOrderInTx, verifyChatInTx } from "./verify-chat.ts";

export type VerifyChatByAgentInput = { storeId: string; actorId: string; actorName: string; ticketId: string; bigcommerceOrderId: number; now?: Date };

/**
 * "Verify and link": an agent who satisfied themselves that an unverified chat is the buyer of an
 * order (they asked what only the buyer knows) links the chat to that order's customer by hand.
 * The conversation gets the order, the thread and the audit log say who did it, and the chat is
 * told it is connected. A chat that is verified already is a 409, not re-linked.
 */
export async function verifyChatByAgent(db: Db, input: VerifyChatByAgentInput): Promise<TicketDto> {
  const { storeId, ticketId, bigcommerceOrderId } = input;
  const now = input.now ?? new Date();
  if (!isUuid(ticketId)) throw new AppError("NOT_FOUND", "Ticket not found");
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, storeId }, select: { id: true } });
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  const chat = await conversationChatInTx(db, storeId, ticketId);
  if (!chat) throw new AppError("UNPROCESSABLE", "This ticket has no Telegram chat to verify");
  if (chat.verifiedAt) throw new AppError("CONFLICT", "This Telegram chat is already verified");

  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) throw new AppError("UNPROCESSABLE", "BigCommerce is not connected: the order cannot be checked");
  let order;
  try {
    order = await client.getOrder(bigcommerceOrderId);
  } catch (error) {
    if (error instanceof BigcommerceApiError) throw new AppError("UNPROCESSABLE", `BigCommerce did not answer for order #${bigcommerceOrderId} (HTTP ${error.status})`);
    throw error;
  }
  const person = order && !order.is_deleted ? personOfOrder(order) : null;
  if (!order || !person) throw new AppError("NOT_FOUND", `BigCommerce has no order #${bigcommerceOrderId} with a buyer's email`);

  return inChatTransaction(storeId, chat.externalId, async (tx, effects) => {
    const identity = await findTelegramIdentity(tx, storeId, chat.externalId);
    if (!identity) throw new AppError("NOT_FOUND", "The Telegram chat is gone");
    if (identity.verifiedAt) throw new AppError("CONFLICT", "This Telegram chat is already verified");
    const customerId = await verifyChatInTx(tx, { storeId, identity, person, proof: "AGENT", orderId: order.id, now });
    await attachOrderInTx(tx, storeId, ticketId, order.id);
    await tx.auditLog.create({
      data: {
        storeId,
        actorId: input.actorId,
        action: "telegram.chat_verified",
        targetType: "ChannelIdentity",
        targetId: identity.id,
        detail: { ticketId, chatId: identity.chatId, bigcommerceOrderId: order.id, customerId },
      },
      select: { id: true },
    });
    const activity = await createActivityInTx(tx, {
      storeId,
      ticketId,
      actorId: input.actorId,
      body: `${input.actorName} verified this Telegram chat by hand and linked it to order #${order.id}`,
      meta: { type: "telegram", event: "chat-verified", proof: "AGENT", bigcommerceOrderId: order.id },
    });
    const state = identity.intake ?? { step: "done" as const, pending: [], reminders: 0 };
    await saveIntakeStateInTx(tx, identity.id, { ...state, step: "done", claim: undefined, orderId: order.id });
    const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
    await sayInChatInTx(tx, effects, storeId, identity.chatId, replies.linkVerified(undefined, order.id, row.number));
    const dto = toTicketDto(row);
    effects.changed.push({ ticket: dto, messages: [activity] });
    return dto;
  });
}
