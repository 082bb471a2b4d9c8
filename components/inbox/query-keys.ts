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
  templates: ["templates"] as const,
  kbArticles: (q: string) => ["kb-articles", q] as const,
  users: ["users"] as const,
  teams: ["teams"] as const,
};
