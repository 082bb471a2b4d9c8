import { telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import type { Db } from "@/lib/db/client.ts";
import { loadTelegramSettings } from "./load-telegram-settings.ts";
import { telegramClient } from "./telegram-bot-status.ts";

/** Stops the store's bot: Telegram's webhook removed (best effort: the token may be revoked already), token and secret forgotten. */
export async function disconnectTelegramBot(db: Db, input: { storeId: string; actorId: string }): Promise<void> {
  const settings = await loadTelegramSettings(db, input.storeId);
  if (settings?.token) await telegramClient(settings.token).deleteWebhook().catch(() => undefined);
  await db.$transaction(async (tx) => {
    await tx.store.update({ where: { id: input.storeId }, data: { telegramBotTokenEncrypted: null, telegramBotUsername: null, ...telegramSecretColumns(null), telegramStaffChatId: null }, select: { id: true } });
    await tx.auditLog.create({ data: { storeId: input.storeId, actorId: input.actorId, action: "telegram.bot_disconnected", targetType: "Store", targetId: input.storeId } });
  });
}
