import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { DeliveryPayload } from "./delivery-payload.ts";

export type DeliveryInput = { chatId: string; payload: DeliveryPayload };

/**
 * Queues the bot's own messages (intake prompts, staff-topic copies) in the caller's transaction:
 * they leave only if it commits, and through the same paced sender as agent replies. The caller
 * wakes the sender with a delivery.queued domain event in the same transaction (TelegramEffects).
 */
export async function enqueueDeliveriesInTx(tx: Tx, storeId: string, deliveries: DeliveryInput[]): Promise<void> {
  if (!deliveries.length) return;
  // createMany keeps the list order in one INSERT, so the seq column preserves it per chat.
  await tx.telegramDelivery.createMany({
    data: deliveries.map((delivery) => ({ storeId, chatId: delivery.chatId, payload: delivery.payload as Prisma.InputJsonObject })),
  });
}
