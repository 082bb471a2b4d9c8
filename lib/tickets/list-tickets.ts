import type { Db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { findSlaRiskTicketIds } from "./find-sla-risk-ticket-ids.ts";
import { searchTicketIds } from "./search-ticket-ids.ts";
import { decodeTicketCursor, encodeTicketCursor } from "./ticket-cursor.ts";
import { ticketDtoSelect, toTicketDto, type TicketDto } from "./ticket-dto.ts";

export const DEFAULT_TICKET_PAGE_SIZE = 25;
export const MAX_TICKET_PAGE_SIZE = 100;

export type TicketFilters = {
  status?: TicketStatus[];
  priority?: TicketPriority[];
  assigneeId?: string;
  /** "me" needs `actorId`; "none" means unassigned. */
  assignee?: "me" | "none";
  teamId?: string;
  tag?: string;
  customerId?: string;
  bigcommerceOrderId?: number;
  /** Full-text search over subjects and messages, ticket number, order id, customer (search-ticket-ids.ts). */
  q?: string;
  /** Only tickets whose SLA is at risk or breached (sla-risk.ts). */
  slaAtRisk?: boolean;
  /** true: only tickets snoozed until later; false: hide them; absent: both. */
  snoozed?: boolean;
};

export type ListTicketsInput = {
  storeId: string;
  actorId?: string | null;
  filters?: TicketFilters;
  cursor?: string;
  limit?: number;
};

export type TicketPage = { items: TicketDto[]; nextCursor: string | null };

function filterWhere(storeId: string, filters: TicketFilters, actorId: string | null, now: Date): Prisma.TicketWhereInput {
  const where: Prisma.TicketWhereInput = { storeId };
  if (filters.status?.length) where.status = { in: filters.status };
  if (filters.priority?.length) where.priority = { in: filters.priority };
  if (filters.assigneeId !== undefined) where.assigneeId = filters.assigneeId;
  // "me" with no signed-in user (a system caller) matches nothing rather than everything.
  if (filters.assignee === "me") where.assigneeId = actorId ?? { in: [] };
  if (filters.assignee === "none") where.assigneeId = null;
  if (filters.teamId !== undefined) where.teamId = filters.teamId;
  if (filters.tag !== undefined) where.tags = { has: filters.tag };
  if (filters.customerId !== undefined) where.customerId = filters.customerId;
  if (filters.bigcommerceOrderId !== undefined) where.bigcommerceOrderId = filters.bigcommerceOrderId;
  if (filters.snoozed === true) where.snoozedUntil = { gt: now };
  if (filters.snoozed === false) where.OR = [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }];
  return where;
}

/** Filters PostgreSQL answers outside Prisma's query language, as sets of ids to intersect. */
async function idFilters(db: Db, storeId: string, filters: TicketFilters, now: Date): Promise<Prisma.TicketWhereInput[]> {
  const sets: Prisma.TicketWhereInput[] = [];
  if (filters.q) sets.push({ id: { in: await searchTicketIds(db, storeId, filters.q) } });
  if (filters.slaAtRisk) sets.push({ id: { in: await findSlaRiskTicketIds(db, storeId, now) } });
  return sets;
}

/** The store's tickets, most recently changed first, a page at a time (keyset paging: stable under inserts). */
export async function listTickets(db: Db, input: ListTicketsInput): Promise<TicketPage> {
  const { assigneeId, teamId, customerId } = input.filters ?? {};
  // A malformed id can match nothing; asking PostgreSQL would be a cast error instead.
  if ([input.storeId, assigneeId, teamId, customerId].some((id) => id !== undefined && !isUuid(id))) return { items: [], nextCursor: null };
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? DEFAULT_TICKET_PAGE_SIZE), 1), MAX_TICKET_PAGE_SIZE);
  const now = new Date();
  const filters = input.filters ?? {};
  const where = filterWhere(input.storeId, filters, input.actorId ?? null, now);
  const and = await idFilters(db, input.storeId, filters, now);
  if (input.cursor) {
    const after = decodeTicketCursor(input.cursor);
    and.push({ OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] });
  }
  if (and.length) where.AND = and;
  const rows = await db.ticket.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: ticketDtoSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toTicketDto),
    nextCursor: rows.length > limit && last ? encodeTicketCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
  };
}
