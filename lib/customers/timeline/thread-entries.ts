import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Channel, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { TEXT_LIMIT, type TimelineEntry, type TimelineKind, type TimelineTicketRef } from "./timeline-entry.ts";
import type { TimelineCursor } from "./timeline-cursor.ts";

type Row = {
  id: string;
  at: Date;
  kind: TimelineKind;
  ticketId: string;
  ticketNumber: number;
  ticketSubject: string;
  ticketStatus: TicketStatus;
  orderId: number | null;
  parentTicketId: string | null;
  messageKind: "INBOUND" | "OUTBOUND" | "NOTE" | "ACTIVITY" | null;
  channel: Channel | null;
  body: string | null;
  author: string | null;
  trackingUrl: string | null;
  score: number | null;
};

// Which thread messages are which timeline entry. The order's news is what Tern's event processor
// wrote into the order's thread as system notes (no author): `orderStatus` (order-news.ts),
// `tracking` (send-shipment-notice.ts), `escalation` (a refund or dispute: escalate-order-ticket.ts)
// and `return` (open-return-ticket.ts); refunds and cancellations an agent ran from Tern are the
// order action's activity line (record-order-action-outcome.ts). The order summary note (`order`)
// repeats the order entry, and the CSAT question and answer are the csat entry: both are left out.
// Other activity lines (ticket status, assignment) are the ticket's own bookkeeping, not the customer's story.
const MESSAGE_KIND = Prisma.sql`
  CASE
    WHEN m.kind = 'NOTE' AND m."authorId" IS NULL AND m.meta->>'type' = 'orderStatus' THEN 'order_status'
    WHEN m.kind = 'NOTE' AND m."authorId" IS NULL AND m.meta->>'type' = 'tracking' THEN 'shipment'
    WHEN m.kind = 'NOTE' AND m."authorId" IS NULL AND m.meta->>'type' = 'escalation' THEN 'refund'
    WHEN m.kind = 'NOTE' AND m."authorId" IS NULL AND m.meta->>'type' = 'return' THEN 'return'
    WHEN m.kind = 'NOTE' AND m."authorId" IS NULL AND m.meta->>'type' = 'order' THEN NULL
    WHEN m.kind = 'ACTIVITY' AND m.meta->>'type' = 'order_action' AND m.meta->>'status' = 'SUCCEEDED' AND m.meta->>'kind' = 'REFUND' THEN 'refund'
    WHEN m.kind = 'ACTIVITY' AND m.meta->>'type' = 'order_action' AND m.meta->>'status' = 'SUCCEEDED' AND m.meta->>'kind' = 'CANCEL' THEN 'order_status'
    WHEN m.kind IN ('INBOUND', 'OUTBOUND') AND m.meta->>'type' IS DISTINCT FROM 'csat' THEN 'message'
    WHEN m.kind = 'NOTE' THEN 'message'
  END`;

/**
 * The customer's timeline entries that live in their tickets: the tickets themselves, their
 * messages and notes, the order news written into them, and CSAT answers. At most `limit` entries
 * of the given kinds after `cursor`, newest first.
 */
export async function threadEntries(
  db: Db,
  input: { storeId: string; customerId: string; kinds: readonly TimelineKind[]; cursor: TimelineCursor | null; limit: number },
): Promise<{ at: Date; id: string; entry: TimelineEntry }[]> {
  const { storeId, customerId, kinds, cursor, limit } = input;
  if (!kinds.some((kind) => kind !== "order")) return [];
  const after = cursor ? Prisma.sql`AND (e.at, e.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH owned AS (
      SELECT id, number, subject, status, "bigcommerceOrderId", "parentTicketId", "createdAt"
      FROM "Ticket" WHERE "storeId" = ${storeId}::uuid AND "customerId" = ${customerId}::uuid
    ), entries AS (
      SELECT m.id, m."createdAt" AS at, ${MESSAGE_KIND} AS kind, m."ticketId", m.kind::text AS "messageKind", m.channel::text AS channel,
             left(m.body, ${TEXT_LIMIT + 1}) AS body, u.name AS author, m.meta->>'trackingUrl' AS "trackingUrl", NULL::int AS score
      FROM "Message" m
      JOIN owned t ON t.id = m."ticketId"
      LEFT JOIN "User" u ON u.id = m."authorId"
      WHERE m."storeId" = ${storeId}::uuid
      UNION ALL
      SELECT t.id, t."createdAt", 'ticket', t.id, NULL, NULL, NULL, NULL, NULL, NULL FROM owned t
      UNION ALL
      SELECT c.id, c."respondedAt", 'csat', c."ticketId", NULL, NULL, NULL, NULL, NULL, c.score
      FROM "CsatResponse" c JOIN owned t ON t.id = c."ticketId"
      WHERE c."storeId" = ${storeId}::uuid
    )
    SELECT e.id, e.at, e.kind, e."ticketId", t.number AS "ticketNumber", t.subject AS "ticketSubject", t.status::text AS "ticketStatus",
           t."bigcommerceOrderId" AS "orderId", t."parentTicketId", e."messageKind", e.channel, e.body, e.author, e."trackingUrl", e.score
    FROM entries e JOIN owned t ON t.id = e."ticketId"
    WHERE e.kind = ANY(${[...kinds]}::text[]) ${after}
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${limit}`);
  return rows.map((row) => ({ at: row.at, id: row.id, entry: toEntry(row) }));
}

function toEntry(row: Row): TimelineEntry {
  const base = { id: row.id, at: row.at.toISOString() };
  const ticket: TimelineTicketRef = { id: row.ticketId, number: row.ticketNumber, subject: row.ticketSubject };
  switch (row.kind) {
    case "ticket":
      return { ...base, kind: "ticket", ticket, status: row.ticketStatus, orderId: row.orderId, parentTicketId: row.parentTicketId };
    case "csat":
      return { ...base, kind: "csat", score: row.score ?? 0, ticket };
    case "message": {
      const body = row.body ?? "";
      const direction = row.messageKind === "INBOUND" ? "inbound" : row.messageKind === "OUTBOUND" ? "outbound" : "internal";
      return { ...base, kind: "message", direction, channel: row.channel ?? "INTERNAL", text: body.slice(0, TEXT_LIMIT), truncated: body.length > TEXT_LIMIT, author: row.author, ticket };
    }
    default:
      return { ...base, kind: row.kind as "order_status" | "shipment" | "refund" | "return", orderId: row.orderId, text: (row.body ?? "").slice(0, TEXT_LIMIT), ticket, trackingUrl: webAddress(row.trackingUrl) };
  }
}

// A tracking link comes from the store's data: only a web address becomes a link.
function webAddress(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
