"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { MessageItem } from "./message-item.tsx";

const NEAR_BOTTOM_PX = 120;

/**
 * The conversation, oldest first. It opens at the latest message and follows new ones while the
 * agent is at the bottom; scrolled up to read, it stays put. A log region: new entries are announced.
 */
export function Thread({ messages, customerName }: { messages: MessageDto[]; customerName: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const lastId = messages.at(-1)?.id;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [lastId, messages.length]);

  // Photos load after the layout: keep the latest message in view as they grow the thread.
  useEffect(() => {
    const element = scrollRef.current;
    const list = listRef.current;
    if (!element || !list) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, [messages.length]);

  return (
    <div
      ref={scrollRef}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
      }}
      className="min-h-0 flex-1 overflow-y-auto px-5 py-4"
    >
      {messages.length === 0 ? (
        <p className="py-8 text-center text-[13px] text-slate-500">No messages yet.</p>
      ) : (
        <ol ref={listRef} role="log" aria-label="Conversation" className="mx-auto flex max-w-3xl flex-col gap-3">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} customerName={customerName} />
          ))}
        </ol>
      )}
    </div>
  );
}
