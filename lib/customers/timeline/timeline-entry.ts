import type { Channel, TicketStatus } from "@/lib/generated/prisma/enums.ts";

/**
 * What a customer's timeline shows, one kind per fact Tern keeps: orders (from the order snapshots),
 * the order's news as its thread was told it (status changes, shipments, refunds, returns: system
 * notes on the order's ticket), tickets, the conversation's messages and internal notes, and CSAT.
 */
export const TIMELINE_KINDS = ["order", "order_status", "shipment", "refund", "return", "ticket", "message", "csat"] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineTicketRef = { id: string; number: number; subject: string };

type EntryBase = { id: string; at: string };

export type OrderEntry = EntryBase & {
  kind: "order";
  orderId: number;
  status: string | null;
  total: string | null;
  currency: string | null;
  /** When BigCommerce says the order was placed; false when only Tern's first sight of it is known. */
  placedAtKnown: boolean;
};

/** A status change, shipment, refund or return, in the words the order's thread was given. */
export type OrderNewsEntry = EntryBase & {
  kind: "order_status" | "shipment" | "refund" | "return";
  orderId: number | null;
  text: string;
  ticket: TimelineTicketRef;
  /** A shipment's carrier page, only when it is an http(s) address. */
  trackingUrl: string | null;
};

export type TicketEntry = EntryBase & { kind: "ticket"; ticket: TimelineTicketRef; status: TicketStatus; orderId: number | null; parentTicketId: string | null };

export type MessageEntry = EntryBase & {
  kind: "message";
  /** internal: a note only agents see (never sent to the customer). */
  direction: "inbound" | "outbound" | "internal";
  channel: Channel;
  /** Plain text, cut to TEXT_LIMIT characters; `truncated` says so. Rendered as text, never HTML. */
  text: string;
  truncated: boolean;
  author: string | null;
  ticket: TimelineTicketRef;
};

export type CsatEntry = EntryBase & { kind: "csat"; score: number; ticket: TimelineTicketRef };

export type TimelineEntry = OrderEntry | OrderNewsEntry | TicketEntry | MessageEntry | CsatEntry;

export type TimelinePage = { items: TimelineEntry[]; nextCursor: string | null };

/** A message longer than this is cut in the timeline: the whole text is in its ticket. */
export const TEXT_LIMIT = 1000;
