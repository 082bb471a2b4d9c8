import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { orderSkus } from "@/lib/orders/order-view.ts";
import { anyWordQuery } from "./text-query.ts";

export type KbSuggestion = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  matchedSkus: string[];
  matchedCategories: string[];
  matchedTags: string[];
  textRank: number;
  score: number;
};

export const MAX_SUGGESTIONS = 5;

// A shared SKU says more than a shared category, which says more than a shared tag; the words
// (rank normalised to 0..1 by ts_rank's flag 32) rank text-only matches and break ties.
const WEIGHTS = { sku: 8, category: 4, tag: 2, text: 1.5 } as const;

type TicketSignals = { skus: string[]; categories: string[]; tags: string[]; text: string };

async function ticketSignals(db: Db, storeId: string, ticketId: string): Promise<TicketSignals> {
  const ticket = isUuid(ticketId)
    ? await db.ticket.findFirst({
        where: { id: ticketId, storeId },
        select: {
          subject: true,
          category: true,
          tags: true,
          bigcommerceOrderId: true,
          orderSnapshot: { select: { products: true } },
          messages: { where: { kind: "INBOUND" }, orderBy: { createdAt: "desc" }, take: 3, select: { body: true } },
        },
      })
    : null;
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  const snapshot =
    ticket.orderSnapshot ??
    (ticket.bigcommerceOrderId
      ? await db.orderSnapshot.findUnique({
          where: { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: ticket.bigcommerceOrderId } },
          select: { products: true },
        })
      : null);
  return {
    skus: orderSkus(snapshot?.products),
    categories: ticket.category ? [ticket.category.toLowerCase()] : [],
    tags: ticket.tags.map((tag) => tag.toLowerCase()),
    text: [ticket.subject, ...ticket.messages.map((message) => message.body)].join(" ").slice(0, 4000),
  };
}

/**
 * Published articles for a ticket, best first: ranked by the SKUs of its order's products, its
 * category and tags, and its words (subject and the customer's latest messages) against the
 * articles' full-text index. Each suggestion says what matched, so agents can trust it.
 */
export async function suggestKbArticles(db: Db, input: { storeId: string; ticketId: string; limit?: number }): Promise<KbSuggestion[]> {
  const { storeId } = input;
  const signals = await ticketSignals(db, storeId, input.ticketId);
  const textQuery = anyWordQuery(signals.text);
  const limit = Math.min(Math.max(input.limit ?? MAX_SUGGESTIONS, 1), 20);
  return db.$queryRaw<KbSuggestion[]>`
    WITH input AS (
      SELECT CASE WHEN ${textQuery}::text IS NULL THEN NULL ELSE to_tsquery('english'::regconfig, ${textQuery}::text) END AS query
    ),
    scored AS (
      SELECT a.id, a.title, a.body, a.tags, a."updatedAt",
        ARRAY(SELECT s FROM unnest(a.skus) s WHERE s = ANY(${signals.skus}::text[])) AS "matchedSkus",
        ARRAY(SELECT c FROM unnest(a.categories) c WHERE lower(c) = ANY(${signals.categories}::text[])) AS "matchedCategories",
        ARRAY(SELECT t FROM unnest(a.tags) t WHERE lower(t) = ANY(${signals.tags}::text[])) AS "matchedTags",
        COALESCE(ts_rank(
          setweight(to_tsvector('english'::regconfig, a."title"), 'A') || setweight(to_tsvector('english'::regconfig, a."body"), 'B'),
          input.query, 32
        ), 0)::float8 AS "textRank"
      FROM "KbArticle" a CROSS JOIN input
      WHERE a."storeId" = ${storeId}::uuid AND a."published"
        AND (
          a.skus && ${signals.skus}::text[]
          OR EXISTS (SELECT 1 FROM unnest(a.categories) c WHERE lower(c) = ANY(${signals.categories}::text[]))
          OR EXISTS (SELECT 1 FROM unnest(a.tags) t WHERE lower(t) = ANY(${signals.tags}::text[]))
          OR (input.query IS NOT NULL
              AND (setweight(to_tsvector('english'::regconfig, a."title"), 'A') || setweight(to_tsvector('english'::regconfig, a."body"), 'B')) @@ input.query)
        )
    )
    SELECT id, title, body, tags, "matchedSkus", "matchedCategories", "matchedTags", "textRank",
      (${WEIGHTS.sku} * cardinality("matchedSkus") + ${WEIGHTS.category} * cardinality("matchedCategories")
        + ${WEIGHTS.tag} * cardinality("matchedTags") + ${WEIGHTS.text} * "textRank")::float8 AS score
    FROM scored
    ORDER BY score DESC, "updatedAt" DESC
    LIMIT ${limit}`;
}
