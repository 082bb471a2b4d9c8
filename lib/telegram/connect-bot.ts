import { telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { randomBytes } from "node:crypto";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { getTelegramBotStatus, telegramClient, telegramMode, telegramWebhookUrl, type TelegramBotStatus } from "./telegram-bot-status.ts";

export type ConnectBotInput = { storeId: string; actorId: string; token: string; staffChatId: string | null; publicUrl: string };

// The updates Tern's handlers read (lib/telegram/register-update-handlers.ts).
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

function telegramCode(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : null;
}

/**
 * An admin connects the store's Telegram bot: Telegram must accept the token (getMe), then the
 * webhook is pointed at Tern with a fresh secret (X-Telegram-Bot-Api-Secret-Token) — or removed
 * in polling mode — and only then are the token (sealed) and the secret stored. A token Telegram
 * refuses is a 422, never stored; the token never appears in errors, logs or the audit entry.
 */
export async function connectTelegramBot(db: Db, input: ConnectBotInput): Promise<TelegramBotStatus> {
  const telegram = telegramClient(input.token);
  let me;
  try {
    me = await telegram.getMe();
  } catch (error) {
    const code = telegramCode(error);
    if (code === 401 || code === 404) throw new AppError("UNPROCESSABLE", "Telegram does not accept this bot token: copy it again from @BotFather");
    throw new AppError("UNPROCESSABLE", "Telegram could not be reached to check the token: try again");
  }
  const secret = randomBytes(32).toString("base64url");
  try {
    if (telegramMode() === "webhook") {
      await telegram.setWebhook(telegramWebhookUrl(input.publicUrl), { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    } else {
      await telegram.deleteWebhook();
    }
  } catch (error) {
    const description = (error as { description?: unknown } | null)?.description;
    throw new AppError("UNPROCESSABLE", `Telegram refused the webhook${typeof description === "string" ? `: ${description}` : ""}`);
  }
  await db.$transaction(async (tx) => {
    await tx.store.update({
      where: { id: input.storeId },
      data: { telegramBotTokenEncrypted: sealSecret(input.token), telegramBotUsername: me.username ?? null, ...telegramSecretColumns(secret), telegramStaffChatId: input.staffChatId === null ? null : BigInt(input.staffChatId) },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { storeId: input.storeId, actorId: input.actorId, action: "telegram.bot_connected", targetType: "Store", targetId: input.storeId, detail: { botId: me.id, username: me.username ?? null, staffChatId: input.staffChatId } },
    });
  });
  return getTelegramBotStatus(db, { storeId: input.storeId, publicUrl: input.publicUrl });
}
