import { db, type Tx } from "@/lib/db/client.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { emptyEffects, publishEffects, type TelegramEffects } from "./telegram-effects.ts";
import { lockChatInTx } from "./telegram-identity.ts";

/**
 * Runs one update's work for a chat in a transaction that holds the chat's lock, then publishes
 * what it changed once committed. A failure publishes nothing: the inbound worker retries the update.
 */
export async function inChatTransaction<T>(storeId: string, chatId: string, work: (tx: Tx, effects: TelegramEffects) => Promise<T>): Promise<T> {
  const effects = emptyEffects();
  const result = await db().$transaction(async (tx) => {
    await lockChatInTx(tx, storeId, chatId);
    return work(tx, effects);
  }, TICKET_TX_OPTIONS);
  publishEffects(storeId, effects);
  return result;
}
