import type { DeliveryStatus, MessageKind, TicketPriority, TicketStatus, TicketSource, Channel } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

/** What the API and socket.io send for a ticket: JSON-safe, no secrets, dates as ISO strings. */
export type TicketDto = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: string | null;
  tags: string[];
  source: TicketSource;
  customer: { id: string; name: string | null; email: string | null; tier: string } | null;
  assignee: { id: string; name: string } | null;
  teamId: string | null;
  parentTicketId: string | null;
  bigcommerceOrderId: number | null;
  firstResponseDueAt: string | null;
  firstResponseAt: string | null;
  resolutionDueAt: string | null;
  resolvedAt: string | null;
  waitingSince: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  lastMessageAt: string | null;
  /** The channel the customer last wrote on; null until they write. */
  customerChannel: Channel | null;
  /** The conversation's Telegram chat has not proved it is the customer's: agents see no order data for it. */
  unverifiedChat: boolean;
  snoozedUntil: string | null;
  mergedIntoId: string | null;
  /**
   * An order ticket nothing has asked a person about yet: no agent, no SLA clock, listed under
   * Watching rather than Open (lib/ticket-lifecycle/work.ts). False once it is work.
   */
  watched: boolean;
  /** When it became work; its SLA clocks count from here. Null while watched. */
  workSince: string | null;
  createdAt: string;
  updatedAt: string;
};

export type MessageDto = {
  id: string;
  ticketId: string;
  kind: MessageKind;
  channel: Channel;
  author: { id: string; name: string } | null;
  body: string;
  attachments: unknown[];
  deliveryStatus: DeliveryStatus | null;
  deliveryError: string | null;
  editedAt: string | null;
  meta: unknown;
  createdAt: string;
};

// What the queries select to build the DTOs above: the mappers and the selects live together
// so a new DTO field is one edit here, and no query pulls secrets or unused columns.
export const ticketDtoSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  category: true,
  tags: true,
  source: true,
  customer: { select: { id: true, name: true, email: true, tier: true } },
  assignee: { select: { id: true, name: true } },
  teamId: true,
  parentTicketId: true,
  bigcommerceOrderId: true,
  firstResponseDueAt: true,
  firstResponseAt: true,
  resolutionDueAt: true,
  resolvedAt: true,
  waitingSince: true,
  firstResponseBreached: true,
  resolutionBreached: true,
  lastMessageAt: true,
  customerChannel: true,
  channelIdentity: { select: { verifiedAt: true } },
  snoozedUntil: true,
  mergedIntoId: true,
  workSince: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TicketSelect;

export type TicketDtoRow = Prisma.TicketGetPayload<{ select: typeof ticketDtoSelect }>;

export const messageDtoSelect = {
  id: true,
  ticketId: true,
  kind: true,
  channel: true,
  author: { select: { id: true, name: true } },
  body: true,
  attachments: true,
  deliveryStatus: true,
  deliveryError: true,
  editedAt: true,
  meta: true,
  createdAt: true,
} satisfies Prisma.MessageSelect;

export type MessageDtoRow = Prisma.MessageGetPayload<{ select: typeof messageDtoSelect }>;

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export function toTicketDto(row: TicketDtoRow): TicketDto {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    category: row.category,
    tags: row.tags,
    source: row.source,
    customer: row.customer,
    assignee: row.assignee,
    teamId: row.teamId,
    parentTicketId: row.parentTicketId,
    bigcommerceOrderId: row.bigcommerceOrderId,
    firstResponseDueAt: iso(row.firstResponseDueAt),
    firstResponseAt: iso(row.firstResponseAt),
    resolutionDueAt: iso(row.resolutionDueAt),
    resolvedAt: iso(row.resolvedAt),
    waitingSince: iso(row.waitingSince),
    firstResponseBreached: row.firstResponseBreached,
    resolutionBreached: row.resolutionBreached,
    lastMessageAt: iso(row.lastMessageAt),
    customerChannel: row.customerChannel,
    unverifiedChat: row.channelIdentity !== null && row.channelIdentity.verifiedAt === null,
    snoozedUntil: iso(row.snoozedUntil),
    mergedIntoId: row.mergedIntoId,
    watched: row.workSince === null,
    workSince: row.workSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMessageDto(row: MessageDtoRow): MessageDto {
  return {
    id: row.id,
    ticketId: row.ticketId,
    kind: row.kind,
    channel: row.channel,
    author: row.author,
    body: row.body,
    // The column defaults to [] but is plain JSON: never hand the client a non-array.
    attachments: Array.isArray(row.attachments) ? row.attachments : [],
    deliveryStatus: row.deliveryStatus,
    deliveryError: row.deliveryError,
    editedAt: iso(row.editedAt),
    meta: row.meta,
    createdAt: row.createdAt.toISOString(),
  };
}
