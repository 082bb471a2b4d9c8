import type { QueueFilters } from "./queue-filters.ts";

/** Every cache key of the inbox in one place: the socket handlers write into exactly these. */
export const inboxKeys = {
  all: ["tickets"] as const,
  queues: ["tickets", "queue"] as const,
  queue: (filters: QueueFilters) => ["tickets", "queue", filters] as const,
  detail: (ticketId: string) => ["tickets", "detail", ticketId] as const,
  context: (ticketId: string) => ["tickets", "context", ticketId] as const,
  orderActions: (ticketId: string) => ["tickets", "order-actions", ticketId] as const,
  kb: (ticketId: string) => ["tickets", "kb", ticketId] as const,
  // Keyed by the edit time too: a newer edit arriving over the socket loads the history again.
  edits: (ticketId: string, messageId: string, editedAt: string | null) => ["tickets", "edits", ticketId, messageId, editedAt] as const,
  templates: ["templates"] as const,
  kbArticles: (q: string) => ["kb-articles", q] as const,
  users: ["users"] as const,
  teams: ["teams"] as const,
};
