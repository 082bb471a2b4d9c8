import type { Db, Tx } from "@/lib/db/client.ts";

export type AnswerArticle = {
  id: string;
  title: string;
  body: string;
  /** The question's distinct word stems (stop words left out) and how many of them the article has. */
  questionWords: number;
  matchedWords: number;
  matchedTitleWords: number;
};

/** How much of the customer's question an article must cover to be offered as its answer. */
export const ANSWER_MATCH = { minWords: 2, minShare: 0.4, wordsWithoutTitle: 3 } as const;

/** The most of a message that is read for its words: a long story needs a person, not an article. */
const QUESTION_LIMIT = 1_000;

/**
 * Whether an article answers a question well enough to put it before the customer instead of a
 * person: it shares at least two of the question's meaningful words, and at least 40% of them;
 * two words only count when one is in its title (what the article is about), else it takes three.
 * One shared word ("order") is what most articles and most messages have in common, two stray
 * ones ("one item was missing" against an exchanges article) happen by chance, and a long
 * message that mentions a few of an article's words is about more than the article. Pure.
 */
export function isGoodAnswer(match: { questionWords: number; matchedWords: number; matchedTitleWords: number }): boolean {
  if (match.matchedWords < ANSWER_MATCH.minWords || match.matchedWords < Math.ceil(match.questionWords * ANSWER_MATCH.minShare)) return false;
  return match.matchedTitleWords > 0 || match.matchedWords >= ANSWER_MATCH.wordsWithoutTitle;
}

/**
 * The store's published article that best answers a customer's question, or null when none
 * answers it well enough (isGoodAnswer). Words are compared as PostgreSQL's English stems
 * (returned / returns / return are one word), stop words left out; the article covering most of
 * the question wins, then the one whose title does, then the newest.
 */
export async function findAnswerArticle(client: Db | Tx, input: { storeId: string; text: string }): Promise<AnswerArticle | null> {
  const text = input.text.slice(0, QUESTION_LIMIT);
  const rows = await client.$queryRaw<AnswerArticle[]>`
    WITH question AS (
      SELECT tsvector_to_array(to_tsvector('english'::regconfig, ${text}::text)) AS words
    ),
    scored AS (
      SELECT a.id, a.title, a.body, a."updatedAt",
        cardinality(question.words)::int AS "questionWords",
        cardinality(ARRAY(
          SELECT unnest(question.words)
          INTERSECT SELECT unnest(tsvector_to_array(to_tsvector('english'::regconfig, a.title || ' ' || a.body)))
        ))::int AS "matchedWords",
        cardinality(ARRAY(
          SELECT unnest(question.words)
          INTERSECT SELECT unnest(tsvector_to_array(to_tsvector('english'::regconfig, a.title)))
        ))::int AS "matchedTitleWords"
      FROM "KbArticle" a CROSS JOIN question
      WHERE a."storeId" = ${input.storeId}::uuid AND a.published AND cardinality(question.words) > 0
    )
    SELECT id, title, body, "questionWords", "matchedWords", "matchedTitleWords"
    FROM scored
    WHERE "matchedWords" >= ${ANSWER_MATCH.minWords}
    ORDER BY "matchedWords" DESC, "matchedTitleWords" DESC, "updatedAt" DESC, id DESC
    LIMIT 1`;
  const best = rows[0];
  return best && isGoodAnswer(best) ? best : null;
}
