import type { Db } from "@/lib/db/client.ts";

/** Most matches a search returns: the queue pages through them by recency, not by rank. */
export const MAX_SEARCH_MATCHES = 500;

/**
 * Ids of the store's tickets matching a search, most recently changed first: full-text over the
 * subject and every customer message, reply and note (PostgreSQL `websearch_to_tsquery`, so
 * "quoted phrases" and -exclusions work), plus exact ticket number or order id and the customer's
 * name or email. The to_tsvector expressions must match the GIN indexes of the
 * inbox_full_text_search migration character for character, or PostgreSQL scans instead.
 *
 * Each way of matching is its own branch with its own ORDER BY … LIMIT, so PostgreSQL plans each
 * one alone: a rare word is looked up in its GIN index, a common one is checked ticket by ticket
 * walking the queue's order index until enough match. One OR over all of them (the first version)
 * forced a scan of every ticket and every matching message, seconds at a million tickets.
 */
export async function searchTicketIds(db: Db, storeId: string, query: string): Promise<string[]> {
  const text = query.trim();
  if (!text) return [];
  const digits = /^#?(\d{1,9})$/.exec(text)?.[1];
  const number = digits ? Number(digits) : null;
  const like = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  // The tsquery is written out in each branch (not a CTE) so the planner sees the words and can
  // estimate how many rows match them.
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      (SELECT t.id, t."updatedAt" FROM "Ticket" t
        WHERE t."storeId" = ${storeId}::uuid
          AND to_tsvector('english'::regconfig, t."subject") @@ websearch_to_tsquery('english'::regconfig, ${text})
        ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${MAX_SEARCH_MATCHES})
      UNION
      (SELECT t.id, t."updatedAt" FROM "Ticket" t
        WHERE t."storeId" = ${storeId}::uuid
          AND t.id IN (
            SELECT m."ticketId" FROM "Message" m
            WHERE m."storeId" = ${storeId}::uuid
              AND m."kind" IN ('INBOUND', 'OUTBOUND', 'NOTE')
              AND to_tsvector('english'::regconfig, m."body") @@ websearch_to_tsquery('english'::regconfig, ${text})
          )
        ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${MAX_SEARCH_MATCHES})
      UNION
      (SELECT t.id, t."updatedAt" FROM "Ticket" t
        WHERE t."storeId" = ${storeId}::uuid AND (t."number" = ${number}::int OR t."bigcommerceOrderId" = ${number}::int)
        ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${MAX_SEARCH_MATCHES})
      UNION
      (SELECT t.id, t."updatedAt" FROM "Ticket" t
        JOIN "Customer" c ON c.id = t."customerId"
        WHERE t."storeId" = ${storeId}::uuid AND c."storeId" = ${storeId}::uuid
          AND (c."email" ILIKE ${like} OR c."name" ILIKE ${like})
        ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${MAX_SEARCH_MATCHES})
    ) matches
    ORDER BY "updatedAt" DESC, id DESC
    LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => row.id);
}
