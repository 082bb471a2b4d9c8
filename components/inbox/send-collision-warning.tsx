"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button.tsx";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { replyAuthors } from "@/lib/tickets/reply-authors.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";

const QUOTE_LENGTH = 280;

function quote(body: string): string {
  return body.length > QUOTE_LENGTH ? `${body.slice(0, QUOTE_LENGTH).trimEnd()}…` : body;
}

type Props = { replies: MessageDto[]; pending: boolean; onSendAnyway: () => void; onReview: () => void };

/**
 * Shown instead of sending when someone else answered the customer after the thread state the
 * agent saw: their reply, quoted, and a choice; the draft stays in the composer either way.
 */
export function SendCollisionWarning({ replies, pending, onSendAnyway, onReview }: Props) {
  const headingId = useId();

  return (
    <div role="alert" aria-labelledby={headingId} data-testid="send-collision-warning" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-950">
      <p id={headingId} className="font-medium">
        {replyAuthors(replies)} already answered the customer. Your reply has not been sent.
      </p>
      {/* Several replies stay in a few lines: the composer and the thread above keep their room. */}
      <ul className="mt-1.5 flex max-h-40 flex-col gap-1.5 overflow-y-auto">
        {replies.map((reply) => (
          <li key={reply.id}>
            <span className="font-semibold">{reply.author?.name ?? "Someone"}</span> replied <RelativeTime iso={reply.createdAt} />:
            <blockquote className="mt-0.5 whitespace-pre-wrap break-words border-l-2 border-amber-400 pl-2 text-amber-950/90">«{quote(reply.body)}»</blockquote>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex gap-2">
        <Button size="xs" variant="primary" disabled={pending} onClick={onSendAnyway}>
          Send anyway
        </Button>
        {/* Focus on the safe choice, so a second Ctrl+Enter or Enter does not send. */}
        <Button autoFocus size="xs" disabled={pending} onClick={onReview}>
          Review
        </Button>
      </div>
    </div>
  );
}
