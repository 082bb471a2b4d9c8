import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";

/**
 * Replies other people sent to the customer after the thread entry the agent last saw (null: an
 * empty thread), in thread order: the same rule as the server's check (lib/tickets/find-newer-replies.ts),
 * so the warning shows without a round trip. Notes, automatic replies and the agent's own do not
 * count. Null when that entry is no longer in the thread (a merge moved it): only the server can tell.
 */
export function repliesSince(thread: readonly MessageDto[], seenId: string | null, userId: string): MessageDto[] | null {
  const start = seenId === null ? 0 : thread.findIndex((message) => message.id === seenId) + 1;
  if (start === 0 && seenId !== null) return null;
  return thread.slice(start).filter((message) => message.kind === "OUTBOUND" && message.author !== null && message.author.id !== userId);
}
