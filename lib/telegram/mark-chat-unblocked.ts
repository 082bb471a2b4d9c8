import type { Tx } from "@/lib/db/client.ts";
import { releaseChatDeliveriesInTx } from "./hold-chat-deliveries.ts";
import type { TelegramEffects } from "./telegram-effects.ts";
import type { TelegramIdentity } from "./telegram-identity.ts";

/** The customer can reach the bot again (they unblocked it, or simply wrote): release what was held. */
export async function markChatUnblockedInTx(tx: Tx, effects: TelegramEffects, storeId: string, identity: TelegramIdentity, now: Date): Promise<void> {
  if (!identity.blockedAt) return;
  await tx.channelIdentity.update({ where: { id: identity.id }, data: { blockedAt: null }, select: { id: true } });
  identity.blockedAt = null;
  effects.updatedMessages.push(...(await releaseChatDeliveriesInTx(tx, storeId, identity.chatId, now)));
  effects.queued = true;
}
