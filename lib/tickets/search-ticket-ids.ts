import type { Db } from "@/lib/db/client.ts";

/** Most matches a search returns: the queue pages through them by recency, not by rank. */
export const MAX_SEARCH_MATCHES = 500;

/**
 * Ids of the store's tickets matching a search, most recently changed first: full-text over the
 * subject and every customer message, reply and note (PostgreSQL `websearch_to_tsquery`, so
 * "quoted phrases" and -exclusions work), plus exact ticket number or order id and the customer's
 * name or email. The to_tsvector expressions must match the GIN indexes of the
 * inbox_full_text_search migration character for character, or PostgreSQL scans instead.
 */
export async function searchTicketIds(db: Db, storeId: string, query: string): Promise<string[]> {
  const text = query.trim();
  if (!text) return [];
  const digits = /^#?(\d{1,9})$/.exec(text)?.[1];
  const number = digits ? Number(digits) : null;
  const like = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, ${text}) AS query)
    SELECT t.id
    FROM "Ticket" t
    LEFT JOIN "Customer" c ON c.id = t."customerId" AND c."storeId" = t."storeId"
    CROSS JOIN q
    WHERE t."storeId" = ${storeId}::uuid
      AND (
        to_tsvector('english'::regconfig, t."subject") @@ q.query
        OR t."number" = ${number}::int
        OR t."bigcommerceOrderId" = ${number}::int
        OR c."email" ILIKE ${like}
        OR c."name" ILIKE ${like}
        OR t.id IN (
          SELECT m."ticketId" FROM "Message" m
          WHERE m."storeId" = ${storeId}::uuid
            AND m."kind" IN ('INBOUND', 'OUTBOUND', 'NOTE')
            AND to_tsvector('english'::regconfig, m."body") @@ q.query
        )
      )
    ORDER BY t."updatedAt" DESC, t.id DESC
    LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => row.id);
}
