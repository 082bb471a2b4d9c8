/**
 * Ticket writes serialize on row locks (the store's number sequence, the ticket row). Under a
 * burst a transaction can wait for a pooled connection longer than Prisma's 2 s default,
 * which would fail work that only needed to queue.
 */
export const TICKET_TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;
