import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";

/** A queued, unassigned work ticket as the API sends it, for unit tests of the inbox's caches. */
export function ticketDto(id: string, updatedAt: string, overrides: Partial<TicketDto> = {}): TicketDto {
  return {
    id,
    number: 1,
    subject: `Ticket ${id}`,
    status: "AWAITING_AGENT",
    priority: "NORMAL",
    category: null,
    tags: [],
    source: "API",
    customer: null,
    assignee: null,
    teamId: null,
    parentTicketId: null,
    bigcommerceOrderId: null,
    firstResponseDueAt: null,
    firstResponseAt: null,
    resolutionDueAt: null,
    resolvedAt: null,
    waitingSince: null,
    firstResponseBreached: false,
    resolutionBreached: false,
    lastMessageAt: null,
    customerChannel: null,
    unverifiedChat: false,
    snoozedUntil: null,
    mergedIntoId: null,
    watched: false,
    workSince: "2026-01-01T09:00:00.000Z",
    createdAt: "2026-01-01T09:00:00.000Z",
    updatedAt,
    ...overrides,
  };
}
