import { db, type Tx } from "@/lib/db/client.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { emptyEffects, recordEffectsInTx, type TelegramEffects } from "./telegram-effects.ts";
import { lockChatInTx } from "./telegram-identity.ts";

/**
 * Runs one update's work for a chat in a transaction that holds the chat's lock, and records what
 * it changed as domain events in the same transaction. A failure records nothing: the inbound
 * worker retries the update.
 */
export async function inChatTransaction<T>(storeId: string, chatId: string, work: (tx: Tx, effects: TelegramEffects) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await lockChatInTx(tx, storeId, chatId);
    const effects = emptyEffects();
    const result = await work(tx, effects);
    await recordEffectsInTx(tx, storeId, effects);
    return result;
  }, TICKET_TX_OPTIONS);
}
