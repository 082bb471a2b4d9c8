import { telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { randomBytes } from "node:crypto";
import { Telegraf } from "telegraf";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { ALLOWED_UPDATES } from "./poll-telegram-updates.ts";
import { telegramApiRoot } from "./telegram-config.ts";

export type ConnectedBot = { username: string; webhookSecret: string };

/** A fresh secret for setWebhook's secret_token: 1–256 characters of A–Z a–z 0–9 _ -. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Connects a bot to a store: checks the token with getMe, stores it encrypted with a webhook
 * secret of its own (the secret is how POST /api/webhooks/telegram knows the store). For the
 * admin pages and for the environment's default bot.
 */
export async function connectStoreBot(db: Db, input: { storeId: string; token: string; webhookSecret?: string; staffChatId?: bigint | null }): Promise<ConnectedBot> {
  const probe = new Telegraf(input.token, { telegram: { apiRoot: telegramApiRoot() } });
  const me = await probe.telegram.getMe().catch(() => {
    throw new AppError("UNPROCESSABLE", "Telegram did not accept this bot token");
  });
  const webhookSecret = input.webhookSecret ?? newWebhookSecret();
  await db.store.update({
    where: { id: input.storeId },
    data: {
      telegramBotTokenEncrypted: sealSecret(input.token),
      telegramBotUsername: me.username ?? null,
      ...telegramSecretColumns(webhookSecret),
      ...(input.staffChatId !== undefined ? { telegramStaffChatId: input.staffChatId } : {}),
    },
    select: { id: true },
  });
  return { username: me.username, webhookSecret };
}

/** Points the bot's webhook at Tern, with the store's secret and only the update kinds Tern handles. */
export async function registerTelegramWebhook(bot: Telegraf, input: { url: string; secret: string }): Promise<void> {
  await bot.telegram.setWebhook(input.url, { secret_token: input.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
}
