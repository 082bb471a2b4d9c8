import type { Message } from "telegraf/types";

/** A file the customer sent, kept by reference: bytes are fetched on demand through getFile. */
export type TelegramFileAttachment = {
  kind: "photo" | "document" | "voice" | "video" | "audio" | "animation" | "video_note" | "sticker";
  fileId: string;
  fileUniqueId: string;
  fileName: string;
  mimeType: string;
  fileSize: number | null;
  width?: number;
  height?: number;
  duration?: number;
  emoji?: string;
};

export type TelegramAttachment =
  | TelegramFileAttachment
  | { kind: "location"; latitude: number; longitude: number; title?: string }
  | { kind: "contact"; phoneNumber: string; firstName: string; lastName: string | null };

export type MessageContent = { body: string; attachments: TelegramAttachment[] };

/** getFile serves files up to 20 MB: above it Tern keeps the reference but cannot download. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

type AnyMessage = Message & Record<string, unknown>;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function fileOf(kind: TelegramFileAttachment["kind"], raw: Record<string, unknown>, defaults: { name: string; mime: string }): TelegramFileAttachment | undefined {
  const fileId = text(raw.file_id);
  const fileUniqueId = text(raw.file_unique_id);
  if (!fileId || !fileUniqueId) return undefined;
  const attachment: TelegramFileAttachment = {
    kind,
    fileId,
    fileUniqueId,
    fileName: text(raw.file_name) ?? defaults.name,
    mimeType: text(raw.mime_type) ?? defaults.mime,
    fileSize: num(raw.file_size) ?? null,
  };
  const width = num(raw.width);
  const height = num(raw.height);
  const duration = num(raw.duration);
  if (width !== undefined) attachment.width = width;
  if (height !== undefined) attachment.height = height;
  if (duration !== undefined) attachment.duration = duration;
  const emoji = text(raw.emoji);
  if (emoji) attachment.emoji = emoji;
  return attachment;
}

/** The largest photo size Telegram will still hand out (≤ 20 MB), else the largest. */
function bestPhoto(sizes: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(sizes) || sizes.length === 0) return undefined;
  const all = sizes.map(record).filter((size): size is Record<string, unknown> => size !== undefined);
  const byArea = [...all].sort((a, b) => (num(a.width) ?? 0) * (num(a.height) ?? 0) - (num(b.width) ?? 0) * (num(b.height) ?? 0));
  const fitting = byArea.filter((size) => (num(size.file_size) ?? 0) <= TELEGRAM_DOWNLOAD_LIMIT);
  return fitting.at(-1) ?? byArea.at(-1);
}

function stickerMime(sticker: Record<string, unknown>): { mime: string; ext: string } {
  if (sticker.is_animated === true) return { mime: "application/x-tgsticker", ext: "tgs" };
  if (sticker.is_video === true) return { mime: "video/webm", ext: "webm" };
  return { mime: "image/webp", ext: "webp" };
}

const UNSUPPORTED_KINDS = ["poll", "dice", "game", "invoice", "story", "giveaway", "paid_media"] as const;

/**
 * What Tern keeps of a customer's message: the text (or caption) as the body, and every file,
 * location and contact as an attachment. Kinds Tern cannot show become a bracketed note, so an
 * agent still sees that something arrived.
 */
export function messageContent(message: Message): MessageContent {
  const raw = message as AnyMessage;
  const attachments: TelegramAttachment[] = [];
  const unique = (value: Record<string, unknown>) => text(value.file_unique_id) ?? "file";
  const add = (attachment: TelegramAttachment | undefined) => {
    if (attachment) attachments.push(attachment);
  };

  const photo = bestPhoto(raw.photo);
  if (photo) add(fileOf("photo", photo, { name: `photo-${unique(photo)}.jpg`, mime: "image/jpeg" }));
  const animation = record(raw.animation);
  const document = record(raw.document);
  // An animation also arrives as a document (backward compatibility): keep it once, as an animation.
  if (animation) add(fileOf("animation", animation, { name: `animation-${unique(animation)}.mp4`, mime: "video/mp4" }));
  else if (document) add(fileOf("document", document, { name: `document-${unique(document)}`, mime: "application/octet-stream" }));
  const voice = record(raw.voice);
  if (voice) add(fileOf("voice", voice, { name: `voice-${unique(voice)}.ogg`, mime: "audio/ogg" }));
  const audio = record(raw.audio);
  if (audio) add(fileOf("audio", audio, { name: `audio-${unique(audio)}.mp3`, mime: "audio/mpeg" }));
  const video = record(raw.video);
  if (video) add(fileOf("video", video, { name: `video-${unique(video)}.mp4`, mime: "video/mp4" }));
  const videoNote = record(raw.video_note);
  if (videoNote) add(fileOf("video_note", videoNote, { name: `video-note-${unique(videoNote)}.mp4`, mime: "video/mp4" }));
  const sticker = record(raw.sticker);
  if (sticker) {
    const { mime, ext } = stickerMime(sticker);
    add(fileOf("sticker", sticker, { name: `sticker-${unique(sticker)}.${ext}`, mime }));
  }

  const venue = record(raw.venue);
  const location = record(venue?.location) ?? record(raw.location);
  const latitude = num(location?.latitude);
  const longitude = num(location?.longitude);
  if (latitude !== undefined && longitude !== undefined) {
    const title = text(venue?.title);
    attachments.push({ kind: "location", latitude, longitude, ...(title ? { title } : {}) });
  }
  const contact = record(raw.contact);
  const phoneNumber = text(contact?.phone_number);
  if (contact && phoneNumber) {
    attachments.push({ kind: "contact", phoneNumber, firstName: text(contact.first_name) ?? "", lastName: text(contact.last_name) ?? null });
  }

  let body = text(raw.text) ?? text(raw.caption) ?? "";
  if (!body && attachments.length === 0) {
    const kind = UNSUPPORTED_KINDS.find((candidate) => candidate in raw);
    body = `[${kind ?? "unsupported"} message: not shown in Tern]`;
  }
  return { body, attachments };
}

/** A short label for a message without text, for ticket subjects and staff-topic notes. */
export function describeContent(content: MessageContent): string {
  if (content.body.trim()) return content.body.trim();
  const first = content.attachments[0];
  if (!first) return "Message";
  const labels: Record<TelegramAttachment["kind"], string> = {
    photo: "Photo",
    document: "Document",
    voice: "Voice message",
    video: "Video",
    audio: "Audio",
    animation: "Animation",
    video_note: "Video message",
    sticker: "Sticker",
    location: "Location",
    contact: "Contact",
  };
  return first.kind === "document" ? `Document ${first.fileName}` : labels[first.kind];
}
