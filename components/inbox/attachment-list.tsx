import { cx } from "@/components/ui/cx.ts";
import { FileIcon } from "@/components/ui/icons.tsx";
import { focusRing } from "@/components/ui/styles.ts";

// The stored shape is lib/telegram/message-content.ts (TelegramAttachment); read defensively,
// as attachments are outside data kept in a JSON column.
type Attachment = { kind?: unknown; fileName?: unknown; mimeType?: unknown; fileSize?: unknown; emoji?: unknown; latitude?: unknown; longitude?: unknown; phoneNumber?: unknown; firstName?: unknown };

function str(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function size(bytes: unknown): string | null {
  if (typeof bytes !== "number") return null;
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Photos and stickers inline, voice and audio playable, other files as download chips; bytes come through Tern's attachment proxy. */
export function AttachmentList({ messageId, attachments }: { messageId: string; attachments: unknown[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Attachments">
      {attachments.map((raw, index) => {
        const item = (raw && typeof raw === "object" ? raw : {}) as Attachment;
        const kind = str(item.kind) ?? "document";
        const url = `/api/v1/attachments/${messageId}/${index}`;
        const name = str(item.fileName) ?? kind;
        const mime = str(item.mimeType) ?? "";
        if (kind === "location" && typeof item.latitude === "number" && typeof item.longitude === "number") {
          const href = `https://www.openstreetmap.org/?mlat=${item.latitude}&mlon=${item.longitude}#map=16/${item.latitude}/${item.longitude}`;
          return (
            <li key={index}>
              <a href={href} target="_blank" rel="noreferrer" className={cx("text-xs text-tern-700 underline", focusRing)}>
                Location {item.latitude.toFixed(4)}, {item.longitude.toFixed(4)}
              </a>
            </li>
          );
        }
        if (kind === "contact") {
          return (
            <li key={index} className="rounded border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700">
              Contact: {str(item.firstName)} {str(item.phoneNumber)}
            </li>
          );
        }
        if (kind === "photo" || (kind === "sticker" && mime === "image/webp") || (kind === "document" && mime.startsWith("image/"))) {
          return (
            <li key={index}>
              <a href={url} target="_blank" rel="noreferrer" className={cx("block overflow-hidden rounded-md border border-slate-200 bg-slate-100", focusRing)}>
                {/* eslint-disable-next-line @next/next/no-img-element -- served by Tern's own proxy, sizes unknown ahead */}
                <img src={url} alt={kind === "sticker" ? `Sticker ${str(item.emoji) ?? ""}`.trim() : `Photo: ${name}`} loading="lazy" className="max-h-48 max-w-64 object-contain" />
              </a>
            </li>
          );
        }
        if (kind === "voice" || kind === "audio") {
          return (
            <li key={index} className="flex flex-col gap-1">
              <audio controls preload="none" src={url} aria-label={kind === "voice" ? "Voice message" : `Audio: ${name}`} className="h-8" />
            </li>
          );
        }
        return (
          <li key={index}>
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              className={cx("inline-flex items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50", focusRing)}
            >
              <FileIcon size={14} className="text-slate-500" />
              <span className="max-w-48 truncate">{name}</span>
              {size(item.fileSize) && <span className="text-slate-500">{size(item.fileSize)}</span>}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
