import type { Db } from "@/lib/db/client.ts";
import { AppError, isAppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { loadTelegramSettings } from "./load-telegram-settings.ts";
import { TELEGRAM_DOWNLOAD_LIMIT } from "./message-content.ts";
import { storeBot } from "./store-bot.ts";

export type AttachmentStream = { body: ReadableStream<Uint8Array>; mimeType: string; fileName: string; size: number | null };

type StoredFile = { fileId: string; fileName: string; mimeType: string; fileSize: number | null };

function fileAt(attachments: unknown, index: number): StoredFile | null {
  if (!Array.isArray(attachments)) return null;
  const entry = attachments[index] as Partial<StoredFile> | undefined;
  if (!entry || typeof entry.fileId !== "string") return null;
  return {
    fileId: entry.fileId,
    fileName: typeof entry.fileName === "string" ? entry.fileName : "file",
    mimeType: typeof entry.mimeType === "string" ? entry.mimeType : "application/octet-stream",
    fileSize: typeof entry.fileSize === "number" ? entry.fileSize : null,
  };
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "This file is larger than 20 MB: Telegram does not let bots download it. Ask the customer to send it another way.");
}

function telegramCode(error: unknown): number | null {
  const code = error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  return typeof code === "number" ? code : null;
}

/**
 * A file a customer sent, fetched from Telegram on demand (getFile, then the file link) and
 * streamed through: the bot token never reaches the browser. Scoped to the caller's store.
 * Files over 20 MB are refused (413) before any download.
 */
export async function fetchTelegramAttachment(db: Db, input: { storeId: string; messageId: string; index: string }): Promise<AttachmentStream> {
  const index = Number(input.index);
  if (!isUuid(input.messageId) || !Number.isInteger(index) || index < 0) throw new AppError("NOT_FOUND", "Attachment not found");
  const message = await db.message.findFirst({ where: { id: input.messageId, storeId: input.storeId }, select: { attachments: true } });
  const file = message ? fileAt(message.attachments, index) : null;
  if (!file) throw new AppError("NOT_FOUND", "Attachment not found");
  if (file.fileSize !== null && file.fileSize > TELEGRAM_DOWNLOAD_LIMIT) throw tooLarge();

  const settings = await loadTelegramSettings(db, input.storeId);
  if (!settings?.token) throw new AppError("UNPROCESSABLE", "No Telegram bot is connected to this store");
  const bot = await storeBot(input.storeId, settings.token);
  let link: URL;
  let size: number | null = file.fileSize;
  try {
    const meta = await bot.telegram.getFile(file.fileId);
    if (meta.file_size !== undefined && meta.file_size > TELEGRAM_DOWNLOAD_LIMIT) throw tooLarge();
    size = meta.file_size ?? size;
    link = await bot.telegram.getFileLink(meta);
  } catch (error) {
    if (isAppError(error)) throw error;
    const description = error instanceof Error ? error.message : "";
    if (telegramCode(error) === 400 && /too big/i.test(description)) throw tooLarge();
    if (telegramCode(error) === 400) throw new AppError("NOT_FOUND", "Telegram no longer has this file");
    throw new AppError("UPSTREAM_FAILED", "Telegram did not hand out the file; try again shortly");
  }
  const response = await fetch(link, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
  if (!response?.ok || !response.body) throw new AppError("UPSTREAM_FAILED", "Downloading the file from Telegram failed; try again shortly");
  return { body: response.body, mimeType: file.mimeType, fileName: file.fileName, size };
}
