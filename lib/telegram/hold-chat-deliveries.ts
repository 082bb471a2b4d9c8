import type { Tx } from "@/lib/db/client.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";

export const BLOCKED_REASON = "The customer has blocked the bot: held until they unblock it";

/**
 * Holds everything queued for a chat whose customer blocked the bot, with the reason shown in the
 * thread. Returns the thread messages that changed, to publish after commit.
 */
export async function holdChatDeliveriesInTx(tx: Tx, storeId: string, chatId: string, reason = BLOCKED_REASON): Promise<MessageDto[]> {
  await tx.telegramDelivery.updateMany({ where: { storeId, chatId, status: "QUEUED" }, data: { status: "HELD", error: reason } });
  const held = await tx.telegramDelivery.findMany({
    where: { storeId, chatId, status: "HELD", messageId: { not: null } },
    select: { messageId: true },
    distinct: ["messageId"],
  });
  const ids = held.map((row) => row.messageId).filter((id): id is string => id !== null);
  if (!ids.length) return [];
  await tx.message.updateMany({ where: { storeId, id: { in: ids }, deliveryStatus: { in: ["QUEUED", "SENDING"] } }, data: { deliveryStatus: "HELD", deliveryError: reason } });
  const rows = await tx.message.findMany({ where: { storeId, id: { in: ids }, deliveryStatus: "HELD" }, select: messageDtoSelect });
  return rows.map(toMessageDto);
}

/** The customer unblocked the bot: what was held goes out again, in its original order. */
export async function releaseChatDeliveriesInTx(tx: Tx, storeId: string, chatId: string, now: Date): Promise<MessageDto[]> {
  const held = await tx.telegramDelivery.findMany({
    where: { storeId, chatId, status: "HELD" },
    select: { messageId: true },
  });
  if (!held.length) return [];
  await tx.telegramDelivery.updateMany({ where: { storeId, chatId, status: "HELD" }, data: { status: "QUEUED", error: null, nextAttemptAt: now } });
  const ids = [...new Set(held.map((row) => row.messageId).filter((id): id is string => id !== null))];
  if (!ids.length) return [];
  await tx.message.updateMany({ where: { storeId, id: { in: ids }, deliveryStatus: "HELD" }, data: { deliveryStatus: "SENDING", deliveryError: null } });
  const rows = await tx.message.findMany({ where: { storeId, id: { in: ids } }, select: messageDtoSelect });
  return rows.map(toMessageDto);
}
