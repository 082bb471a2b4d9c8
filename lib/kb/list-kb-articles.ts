import type { Db } from "@/lib/db/client.ts";
import { kbArticleDtoSelect, toKbArticleDto, type KbArticleDto } from "./kb-article-dto.ts";

export type ListKbArticlesInput = { storeId: string; q?: string; tag?: string; publishedOnly?: boolean };

const MAX_ARTICLES = 500;

/**
 * The store's articles: by title, or, with a search, best match first (full-text over title and
 * body, the expression of the KbArticle_fts_idx index).
 */
export async function listKbArticles(db: Db, input: ListKbArticlesInput): Promise<KbArticleDto[]> {
  const { storeId } = input;
  const where = {
    storeId,
    ...(input.tag ? { tags: { has: input.tag } } : {}),
    ...(input.publishedOnly ? { published: true } : {}),
  };
  if (!input.q) {
    const rows = await db.kbArticle.findMany({ where, orderBy: { title: "asc" }, take: MAX_ARTICLES, select: kbArticleDtoSelect });
    return rows.map(toKbArticleDto);
  }
  const ranked = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "KbArticle"
    WHERE "storeId" = ${storeId}::uuid
      AND (setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "body"), 'B'))
          @@ websearch_to_tsquery('english'::regconfig, ${input.q})
    ORDER BY ts_rank(
      setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "body"), 'B'),
      websearch_to_tsquery('english'::regconfig, ${input.q})
    ) DESC
    LIMIT ${MAX_ARTICLES}`;
  const order = new Map(ranked.map((row, index) => [row.id, index]));
  const rows = await db.kbArticle.findMany({ where: { ...where, id: { in: [...order.keys()] } }, select: kbArticleDtoSelect });
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(toKbArticleDto);
}
