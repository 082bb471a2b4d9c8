"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { formatAbsolute, RelativeTime } from "@/components/ui/relative-time.tsx";
import type { MessageEditDto } from "@/lib/tickets/list-message-edits.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { inboxKeys } from "./query-keys.ts";

function attachmentsNote(count: number): string | null {
  return count === 0 ? null : count === 1 ? "1 photo or file" : `${count} photos or files`;
}

/**
 * What an edited message said before, newest first: loaded when opened, and again when a newer
 * edit arrives (the key holds the edit time). Only the author edits a message, so the author is
 * who replaced each version.
 */
export function EditHistory({ id, message, editor }: { id: string; message: MessageDto; editor: string }) {
  const edits = useQuery({
    queryKey: inboxKeys.edits(message.ticketId, message.id, message.editedAt),
    queryFn: ({ signal }) => apiFetch<{ edits: MessageEditDto[] }>(`/api/v1/tickets/${message.ticketId}/messages/${message.id}/edits`, { signal }),
    staleTime: Infinity,
  });

  return (
    <section id={id} aria-label="Earlier versions" data-testid="edit-history" className="mt-2 border-t border-black/10 pt-2 text-[12px]">
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600">Earlier versions</h3>
      {edits.isPending ? (
        <p className="text-slate-600" aria-busy="true">
          Loading earlier versions…
        </p>
      ) : edits.error ? (
        <p role="alert" className="text-red-700">
          {edits.error.message}
        </p>
      ) : edits.data.edits.length === 0 ? (
        <p className="text-slate-600">No earlier versions were kept.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {edits.data.edits.map((edit) => {
            const files = attachmentsNote(edit.attachments.length);
            return (
              <li key={`${edit.replacedAt}-${edit.writtenAt}`} data-testid="message-edit" className="rounded border border-black/5 bg-white/60 px-2 py-1.5">
                <p className="text-[11px] text-slate-600">
                  Written <time dateTime={edit.writtenAt}>{formatAbsolute(edit.writtenAt)}</time> · replaced <RelativeTime iso={edit.replacedAt} /> by {editor}
                </p>
                {edit.body ? <p className="whitespace-pre-wrap break-words text-slate-800">{edit.body}</p> : !files && <p className="italic text-slate-600">No text</p>}
                {files && <p className="italic text-slate-600">{files}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
