import { telegramSecretHash } from "@/lib/crypto/webhook-secrets.ts";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { RecordedInboundEvent } from "@/lib/inbound/record-inbound-event.ts";
import { isRawUpdate, recordTelegramUpdate } from "./record-telegram-update.ts";
import { botIdFromToken } from "./telegram-config.ts";

/**
 * POST /api/webhooks/telegram. The secret token header says which store's bot this is (each store
 * registers its own with setWebhook); none matching is a 401. The update is stored durably before
 * this returns, so the route may answer 200; a redelivered update_id is a no-op.
 */
export async function receiveTelegramWebhook(db: Db, input: { secret: string | null; readBody: () => Promise<unknown> }): Promise<RecordedInboundEvent> {
  const secret = input.secret?.trim();
  if (!secret) throw new AppError("UNAUTHORIZED", "Missing X-Telegram-Bot-Api-Secret-Token");
  // Telegram's secret_token is 1–256 of A-Z a-z 0-9 _ -: anything else matches no store, without a query.
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw new AppError("UNAUTHORIZED", "Unknown webhook secret token");
  const store = await db.store.findFirst({
    where: { telegramWebhookSecretHash: telegramSecretHash(secret), status: { not: "UNINSTALLED" } },
    select: { id: true, telegramBotTokenEncrypted: true },
  });
  if (!store) throw new AppError("UNAUTHORIZED", "Unknown webhook secret token");
  // Read only once the sender proved who it is: nothing from an unknown caller gets parsed.
  const body = await input.readBody();
  if (!isRawUpdate(body)) throw new AppError("BAD_REQUEST", "Not a Telegram update: expected an object with an integer update_id");
  const botId = store.telegramBotTokenEncrypted ? botIdFromToken(openSecret(store.telegramBotTokenEncrypted)) : `store-${store.id}`;
  return recordTelegramUpdate(db, { storeId: store.id, botId, update: body });
}
