"use client";

import { useId, useState } from "react";
import { cx } from "@/components/ui/cx.ts";
import { LockIcon } from "@/components/ui/icons.tsx";
import { formatAbsolute, RelativeTime } from "@/components/ui/relative-time.tsx";
import { focusRing } from "@/components/ui/styles.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { AttachmentList } from "./attachment-list.tsx";
import { Avatar } from "./avatar.tsx";
import { DeliveryStatus } from "./delivery-status.tsx";
import { EditHistory } from "./edit-history.tsx";

const CHANNEL_LABELS: Record<MessageDto["channel"], string> = { TELEGRAM: "Telegram", BIGCOMMERCE: "BigCommerce", WEB: "Web", INTERNAL: "Internal" };

function reasonOf(message: MessageDto): string | null {
  const meta = message.meta as { reason?: unknown } | null;
  return typeof meta?.reason === "string" && meta.reason ? meta.reason : null;
}

/** One entry of the thread: customer message, reply, internal note or activity, each looking like what it is. */
export function MessageItem({ message, customerName }: { message: MessageDto; customerName: string }) {
  const [showEdits, setShowEdits] = useState(false);
  const editsId = useId();
  if (message.kind === "ACTIVITY") {
    const reason = reasonOf(message);
    return (
      <li data-testid="message-activity" data-message-id={message.id} className="flex items-center gap-3 py-1 text-xs text-slate-600">
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        <span className="max-w-[80%] text-center">
          {message.body}
          {reason && <span className="text-slate-500"> · {reason}</span>}
          {message.author && <span className="text-slate-500"> · {message.author.name}</span>}
          {" · "}
          <RelativeTime iso={message.createdAt} className="text-slate-500" />
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      </li>
    );
  }

  const inbound = message.kind === "INBOUND";
  const note = message.kind === "NOTE";
  const author = inbound ? customerName : (message.author?.name ?? (note ? "Tern" : "Automatic reply"));
  return (
    <li
      data-testid={inbound ? "message-inbound" : note ? "message-note" : "message-outbound"}
      data-message-id={message.id}
      className={cx("flex gap-2.5", inbound ? "justify-start" : "flex-row-reverse")}
    >
      <Avatar id={inbound ? `customer-${customerName}` : (message.author?.id ?? "system")} name={author} decorative />
      <article
        aria-label={note ? `Internal note by ${author}` : inbound ? `Message from ${author}` : `Reply by ${author}`}
        className={cx(
          "min-w-0 max-w-[78%] rounded-lg border px-3 py-2 text-[13px] leading-relaxed shadow-sm",
          inbound && "border-slate-200 bg-white text-slate-900",
          message.kind === "OUTBOUND" && "border-tern-100 bg-tern-50 text-slate-900",
          note && "border-amber-300 bg-amber-50 text-amber-950",
        )}
      >
        <header className="mb-0.5 flex flex-wrap items-center gap-x-2 text-[11px] text-slate-600">
          {note && (
            <span className="inline-flex items-center gap-1 font-semibold uppercase tracking-wide text-amber-800">
              <LockIcon size={11} /> Internal note
            </span>
          )}
          <span className="font-semibold text-slate-800">{author}</span>
          {!note && message.channel !== "INTERNAL" && <span>via {CHANNEL_LABELS[message.channel]}</span>}
          <RelativeTime iso={message.createdAt} />
          {message.editedAt && (
            <button
              type="button"
              aria-expanded={showEdits}
              aria-controls={editsId}
              aria-label="Edited: earlier versions"
              title={`Edited ${formatAbsolute(message.editedAt)}`}
              onClick={() => setShowEdits((open) => !open)}
              className={cx("rounded italic underline decoration-dotted underline-offset-2 hover:text-slate-900", focusRing)}
            >
              edited
            </button>
          )}
          {message.kind === "OUTBOUND" &&
            (message.channel === "TELEGRAM" && message.deliveryStatus ? (
              <DeliveryStatus status={message.deliveryStatus} error={message.deliveryError} />
            ) : (
              // Only Telegram delivers replies: anything else stays in the thread for the record.
              <span data-testid="delivery-status" data-status="NONE" title="The customer has no Telegram chat: this reply was not sent anywhere" className="text-[11px] text-slate-500">
                Not sent · no chat
              </span>
            ))}
        </header>
        {message.body && <p className="whitespace-pre-wrap break-words">{message.body}</p>}
        <AttachmentList messageId={message.id} attachments={message.attachments} />
        {message.editedAt && showEdits && <EditHistory id={editsId} message={message} editor={author} />}
      </article>
    </li>
  );
}
