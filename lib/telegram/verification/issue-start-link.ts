import QRCode from "qrcode";
import { openSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { telegramClient } from "../telegram-bot-status.ts";
import { signedStartLink, type StartLinkSubject } from "@/lib/chat-links/start-link.ts";

export type IssuedStartLink = { url: string; expiresAt: string; botUsername: string };

/**
 * The store's bot's @username, for t.me links: stored when the bot is connected; a store
 * connected before that is asked once (getMe) and remembered.
 */
export async function storeBotUsername(db: Db, storeId: string): Promise<string> {
  const store = await db.store.findUnique({ where: { id: storeId }, select: { telegramBotUsername: true, telegramBotTokenEncrypted: true } });
  if (!store?.telegramBotTokenEncrypted) throw new AppError("UNPROCESSABLE", "Connect the store's Telegram bot first (Settings → Telegram)");
  if (store.telegramBotUsername) return store.telegramBotUsername;
  let username: string | undefined;
  try {
    username = (await telegramClient(openSecret(store.telegramBotTokenEncrypted)).getMe()).username;
  } catch {
    throw new AppError("UNPROCESSABLE", "Telegram did not answer for the store's bot: try again in a minute");
  }
  if (!username) throw new AppError("UNPROCESSABLE", "The store's Telegram bot has no @username: set one with @BotFather");
  await db.store.update({ where: { id: storeId }, data: { telegramBotUsername: username }, select: { id: true } });
  return username;
}

/** A fresh signed "Chat with us on Telegram" link for an order or a customer (single use, 60 days); one a person asks for is audited. */
export async function issueStartLink(db: Db, storeId: string, subject: StartLinkSubject, options: { actorId?: string; now?: Date } = {}): Promise<IssuedStartLink> {
  const botUsername = await storeBotUsername(db, storeId);
  const { url, expiresAt } = signedStartLink(botUsername, storeId, subject, options.now);
  if (options.actorId) {
    await db.auditLog.create({
      data: { storeId, actorId: options.actorId, action: "telegram.chat_link_issued", targetType: subject.kind === "order" ? "Order" : "Customer", targetId: String(subject.kind === "order" ? subject.orderId : subject.bigcommerceCustomerId) },
      select: { id: true },
    });
  }
  return { url, expiresAt: expiresAt.toISOString(), botUsername };
}

/** The link as a QR code (SVG), for packing slips and printed inserts. */
export function startLinkQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
