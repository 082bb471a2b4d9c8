import type { Tx } from "@/lib/db/client.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";

export type TelegramSettings = {
  storeId: string;
  storeName: string;
  /** The bot token, decrypted; null when the store has no bot connected. */
  token: string | null;
  /** The staff forum supergroup that mirrors tickets into topics; null when mirroring is off. */
  staffChatId: string | null;
};

/** The store's Telegram configuration. The token is opened here and only here; never log the result. */
export async function loadTelegramSettings(tx: Tx, storeId: string): Promise<TelegramSettings | null> {
  const store = await tx.store.findUnique({
    where: { id: storeId },
    select: { id: true, name: true, status: true, telegramBotTokenEncrypted: true, telegramStaffChatId: true },
  });
  if (!store || store.status === "UNINSTALLED") return null;
  return {
    storeId: store.id,
    storeName: store.name,
    token: store.telegramBotTokenEncrypted ? openSecret(store.telegramBotTokenEncrypted) : null,
    staffChatId: store.telegramStaffChatId === null ? null : store.telegramStaffChatId.toString(),
  };
}
