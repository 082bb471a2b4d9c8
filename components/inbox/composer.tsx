"use client";

import { useImperativeHandle, useRef, useState, type Ref } from "react";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { LockIcon, SendIcon, TemplateIcon } from "@/components/ui/icons.tsx";
import { focusRing } from "@/components/ui/styles.ts";
import { useToast } from "@/components/ui/toast.tsx";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { MAX_REPLY_LENGTH } from "@/lib/validations/tickets.ts";
import { repliesSince } from "./replies-since.ts";
import { SendCollisionWarning } from "./send-collision-warning.tsx";
import { TemplatePicker } from "./template-picker.tsx";
import { newerRepliesOf, usePostMessage, type PostMessageInput } from "./use-ticket-actions.ts";

export type ComposerMode = "reply" | "note";

export type ComposerHandle = { focus: (mode: ComposerMode) => void; insert: (text: string) => void };

type Props = {
  ref?: Ref<ComposerHandle>;
  ticketId: string;
  userId: string;
  /** The thread as this tab has it: what the agent can have seen before replying. */
  thread: MessageDto[];
  customerName: string;
  disabledReason: string | null;
  /** Said under the box when a reply will not reach the customer (no Telegram chat, bot blocked). */
  deliveryNote: string | null;
  onTyping: (typing: boolean) => void;
};

/**
 * Reply or internal note, with templates; Ctrl/⌘+Enter sends. Notes are drawn in the note colour
 * so nobody mistakes one for the other. A reply is held back with a warning when someone else
 * answered the customer after the thread state this agent saw (here, or by the server's 409).
 */
export function Composer({ ref, ticketId, userId, thread, customerName, disabledReason, deliveryNote, onTyping }: Props) {
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [drafts, setDrafts] = useState<Record<ComposerMode, string>>({ reply: "", note: "" });
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  // The last entry the agent has seen: the thread as it was when they opened the ticket, moved on
  // by their own replies and by their answer to a warning. Entries that arrive live while they
  // write do not count as seen: that is exactly when two agents answer at once.
  const [seenId, setSeenId] = useState<string | null>(() => thread.at(-1)?.id ?? null);
  const [collision, setCollision] = useState<MessageDto[] | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const post = usePostMessage(ticketId);
  const toast = useToast();
  const body = drafts[mode];
  const tooLong = mode === "reply" && body.length > MAX_REPLY_LENGTH;

  function setBody(next: string, target: ComposerMode = mode) {
    setDrafts((all) => ({ ...all, [target]: next }));
    setError(null);
  }

  useImperativeHandle(ref, () => ({
    focus: (next) => {
      setMode(next);
      requestAnimationFrame(() => textarea.current?.focus());
    },
    insert: (text) => {
      setMode("reply");
      setDrafts((all) => ({ ...all, reply: all.reply.trim() ? `${all.reply.trimEnd()}\n\n${text}` : text }));
      requestAnimationFrame(() => textarea.current?.focus());
    },
  }));

  function submit(input: PostMessageInput) {
    onTyping(false);
    post.mutate(input, {
      onSuccess: ({ message }) => {
        setBody("", input.kind);
        if (input.kind === "reply") {
          setSeenId(message.id);
          setCollision(null);
        }
        toast.info(input.kind === "reply" ? "Reply queued for delivery" : "Note added");
      },
      onError: (failure) => {
        const newer = newerRepliesOf(failure);
        if (newer) setCollision(newer);
        else setError(failure.message);
      },
    });
  }

  function send() {
    if (!body.trim() || post.isPending || tooLong) return;
    if (mode === "note") return submit({ kind: "note", body });
    // The warning is open: the agent answers it with its buttons.
    if (collision) return;
    const since = repliesSince(thread, seenId, userId);
    if (since?.length) return setCollision(since);
    // The server checks again under the ticket's lock: a reply this tab has not received yet still counts.
    submit({ kind: "reply", body, ...(since ? { lastSeenMessageId: seenId } : {}) });
  }

  function review(replies: MessageDto[]) {
    setSeenId(replies.at(-1)?.id ?? seenId);
    setCollision(null);
    const first = replies[0];
    if (first) document.querySelector(`[data-message-id="${first.id}"]`)?.scrollIntoView({ block: "center" });
    textarea.current?.focus();
  }

  if (disabledReason) {
    return <p className="border-t border-slate-200 bg-white px-5 py-4 text-[13px] text-slate-600">{disabledReason}</p>;
  }

  const note = mode === "note";
  return (
    <div className="border-t border-slate-200 bg-white px-5 pb-3 pt-2 max-md:px-3">
      <div role="tablist" aria-label="Message type" className="mb-2 flex gap-1">
        {(["reply", "note"] as const).map((tab) => (
          <button
            key={tab}
            role="tab"
            type="button"
            aria-selected={mode === tab}
            onClick={() => {
              setMode(tab);
              textarea.current?.focus();
            }}
            className={cx(
              "inline-flex items-center gap-1 rounded-md px-2.5 py-1 text-[13px] font-medium max-lg:min-h-11 max-lg:px-3.5",
              focusRing,
              mode === tab ? (tab === "note" ? "bg-amber-100 text-amber-950" : "bg-slate-900 text-white") : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {tab === "note" && <LockIcon size={12} />}
            {tab === "reply" ? "Reply" : "Internal note"}
            <kbd className="ml-1 text-[10px] opacity-60 max-lg:hidden">{tab === "reply" ? "r" : "n"}</kbd>
          </button>
        ))}
      </div>
      <div className={cx("rounded-lg border focus-within:ring-2", note ? "border-amber-300 bg-amber-50 focus-within:ring-amber-200" : "border-slate-300 bg-white focus-within:border-tern-500 focus-within:ring-tern-100")}>
        <textarea
          ref={textarea}
          data-testid="composer"
          aria-label={note ? "Internal note (only your team sees it)" : `Reply to ${customerName}`}
          value={body}
          rows={4}
          placeholder={note ? "Only your team sees notes. They are never sent to the customer." : `Reply to ${customerName}…`}
          onChange={(event) => {
            setBody(event.target.value);
            onTyping(event.target.value.length > 0);
          }}
          onBlur={() => onTyping(false)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            } else if (event.key === "Escape") {
              event.currentTarget.blur();
            }
          }}
          className="block w-full resize-y rounded-lg bg-transparent px-3 py-2 text-[13px] leading-relaxed text-slate-900 outline-none placeholder:text-slate-500 max-md:h-20"
        />
        <div className="flex items-center gap-2 border-t border-black/5 px-2 py-1.5">
          {!note && (
            // Touch-sized where the inbox is used by thumb (phones, tablets).
            <Button size="xs" variant="ghost" onClick={() => setPicking(true)} className="max-lg:h-11 max-lg:px-3 max-lg:text-sm">
              <TemplateIcon size={13} /> Templates
            </Button>
          )}
          <span className={cx("text-[11px]", tooLong ? "font-medium text-red-700" : "text-slate-500")}>
            {mode === "reply" ? `${body.length}/${MAX_REPLY_LENGTH}` : "Not sent to the customer"}
          </span>
          <span className="ml-auto hidden text-[11px] text-slate-500 xl:inline">Ctrl+Enter to send</span>
          <Button
            size="sm"
            variant={note ? "secondary" : "primary"}
            disabled={!body.trim() || post.isPending || tooLong || (!note && collision !== null)}
            onClick={send}
            className={cx("max-lg:ml-auto max-lg:h-11 max-lg:px-4", note && "border-amber-400 bg-amber-100 text-amber-950 hover:bg-amber-200")}
          >
            {note ? <LockIcon size={13} /> : <SendIcon size={13} />}
            {note ? "Add note" : "Send reply"}
          </Button>
        </div>
      </div>
      {!note && collision && (
        <SendCollisionWarning
          replies={collision}
          pending={post.isPending}
          onSendAnyway={() => submit({ kind: "reply", body: drafts.reply, sendAnyway: true })}
          onReview={() => review(collision)}
        />
      )}
      {error && (
        <p role="alert" className="mt-2 rounded bg-red-50 px-2 py-1.5 text-[13px] text-red-800">
          {error}
        </p>
      )}
      {!note && deliveryNote && <p className="mt-1.5 text-xs text-amber-800">{deliveryNote}</p>}
      <TemplatePicker ticketId={ticketId} open={picking} onClose={() => setPicking(false)} onInsert={(text) => setBody(drafts.reply.trim() ? `${drafts.reply.trimEnd()}\n\n${text}` : text, "reply")} />
    </div>
  );
}
