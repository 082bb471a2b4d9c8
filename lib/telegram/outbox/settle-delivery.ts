import type { Db, Tx } from "@/lib/db/client.ts";
import { recordMessagesUpdatedInTx } from "@/lib/tickets/ticket-change.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { BLOCKED_REASON, holdChatDeliveriesInTx } from "../hold-chat-deliveries.ts";
import type { ClaimedDelivery } from "./claim-deliveries.ts";
import { MAX_SEND_ATTEMPTS } from "./classify-send-error.ts";
import type { SendOutcome } from "./send-delivery.ts";

type Settle = { workerId: string; now: Date };

/** Claims are leases: if ours was taken back (we were too slow), another sender owns the row now. */
async function stillOurs(tx: Tx, delivery: ClaimedDelivery, workerId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "TelegramDelivery" WHERE id = ${delivery.id}::uuid AND status = 'SENDING' AND "lockedBy" = ${workerId} FOR UPDATE`;
  return rows.length > 0;
}

async function messageDto(tx: Tx, id: string): Promise<MessageDto> {
  return toMessageDto(await tx.message.findUniqueOrThrow({ where: { id }, select: messageDtoSelect }));
}

async function markSent(tx: Tx, delivery: ClaimedDelivery, telegramMessageId: number, now: Date): Promise<MessageDto[]> {
  await tx.telegramDelivery.update({
    where: { id: delivery.id },
    data: { status: "SENT", sentAt: now, telegramMessageId, error: null, lockedAt: null, lockedBy: null },
    select: { id: true },
  });
  if (!delivery.messageId) return [];
  const unsent = await tx.telegramDelivery.count({ where: { messageId: delivery.messageId, status: { not: "SENT" } } });
  if (unsent > 0) return [];
  const first = await tx.telegramDelivery.findFirst({ where: { messageId: delivery.messageId, part: 0 }, select: { telegramMessageId: true } });
  const current = await tx.message.findUniqueOrThrow({ where: { id: delivery.messageId }, select: { externalId: true } });
  await tx.message.update({
    where: { id: delivery.messageId },
    data: {
      deliveryStatus: "SENT",
      deliveryError: null,
      deliveredAt: now,
      // The customer-side message id, unless the row already names its origin (a staff-topic reply).
      ...(current.externalId === null && first?.telegramMessageId ? { externalId: `${delivery.chatId}:${first.telegramMessageId}` } : {}),
    },
    select: { id: true },
  });
  return [await messageDto(tx, delivery.messageId)];
}

async function markFailed(tx: Tx, delivery: ClaimedDelivery, error: string): Promise<MessageDto[]> {
  await tx.telegramDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", error, lockedAt: null, lockedBy: null }, select: { id: true } });
  if (!delivery.messageId) return [];
  // The rest of a split message would read as nonsense without this part.
  await tx.telegramDelivery.updateMany({
    where: { messageId: delivery.messageId, status: { in: ["QUEUED", "HELD"] } },
    data: { status: "FAILED", error: "An earlier part of this message failed" },
  });
  await tx.message.update({ where: { id: delivery.messageId }, data: { deliveryStatus: "FAILED", deliveryError: error }, select: { id: true } });
  return [await messageDto(tx, delivery.messageId)];
}

async function markRetry(tx: Tx, delivery: ClaimedDelivery, error: string, delayMs: number, countsAttempt: boolean, now: Date): Promise<MessageDto[]> {
  const attempts = delivery.attempts + (countsAttempt ? 1 : 0);
  if (attempts >= MAX_SEND_ATTEMPTS) return markFailed(tx, delivery, `${error} (gave up after ${attempts} attempts)`);
  await tx.telegramDelivery.update({
    where: { id: delivery.id },
    data: { status: "QUEUED", attempts, nextAttemptAt: new Date(now.getTime() + delayMs), error, lockedAt: null, lockedBy: null },
    select: { id: true },
  });
  return [];
}

async function markBlocked(tx: Tx, delivery: ClaimedDelivery, now: Date): Promise<MessageDto[]> {
  await tx.telegramDelivery.update({ where: { id: delivery.id }, data: { status: "HELD", error: BLOCKED_REASON, lockedAt: null, lockedBy: null }, select: { id: true } });
  await tx.channelIdentity.updateMany({
    where: { storeId: delivery.storeId, channel: "TELEGRAM", externalId: delivery.chatId, blockedAt: null },
    data: { blockedAt: now },
  });
  return holdChatDeliveriesInTx(tx, delivery.storeId, delivery.chatId);
}

/**
 * Records what happened to one delivery and what it means for its thread message: SENT once
 * every part is out, FAILED with the reason, HELD while the customer blocks the bot, or back in
 * the queue for a later try (429 retry_after, backoff). Returns the thread messages that changed,
 * whose message.updated events it records.
 */
export async function settleDelivery(db: Db, delivery: ClaimedDelivery, outcome: SendOutcome & { ticketId?: string }, options: Settle): Promise<MessageDto[]> {
  const { now } = options;
  return db.$transaction(async (tx) => {
    if (!(await stillOurs(tx, delivery, options.workerId))) return [];
    const changed = await settleInTx(tx, delivery, outcome, now);
    await recordMessagesUpdatedInTx(tx, delivery.storeId, changed);
    return changed;
  });
}

async function settleInTx(tx: Tx, delivery: ClaimedDelivery, outcome: SendOutcome & { ticketId?: string }, now: Date): Promise<MessageDto[]> {
  switch (outcome.kind) {
    case "sent":
      return markSent(tx, delivery, outcome.telegramMessageId, now);
    case "skipped":
      return markFailed(tx, delivery, outcome.reason);
    case "failed":
      return markFailed(tx, delivery, outcome.error);
    case "retry":
      return markRetry(tx, delivery, outcome.error, outcome.delayMs, outcome.countsAttempt, now);
    case "blocked":
      // Groups do not block; a 403 there (the bot left the staff chat) is a plain failure.
      return delivery.chatId.startsWith("-") ? markFailed(tx, delivery, outcome.error) : markBlocked(tx, delivery, now);
    case "topic_gone":
      if (outcome.ticketId) await tx.ticket.updateMany({ where: { id: outcome.ticketId, storeId: delivery.storeId }, data: { telegramTopicId: null } });
      return markRetry(tx, delivery, outcome.error, 0, true, now);
  }
}
