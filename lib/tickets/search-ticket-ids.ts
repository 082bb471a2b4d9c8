import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/** Most matches a bare search returns (no page around it): a cap for callers outside the queue. */
export const MAX_SEARCH_MATCHES = 500;

export type SearchTicketIdsOptions = {
  /**
   * More conditions on the ticket (alias `t`): the queue's filters and keyset cursor. They go into
   * every branch, so the search stops after the view's own newest matches instead of the store's.
   */
  where?: Prisma.Sql;
  /** How many ids at most; the queue asks for one page (and one more, to know if there is a next). */
  limit?: number;
  /** Skips the planner's guess of how common the words are (commonWords); tests try both plans. */
  common?: boolean;
};

/** Words in at least this share of all messages are checked ticket by ticket (see commonWords). */
const COMMON_MESSAGE_SHARE = 0.001;

/**
 * Whether PostgreSQL expects the words in at least COMMON_MESSAGE_SHARE of the messages, from its
 * statistics of the stored vectors (EXPLAIN plans without running anything: about a millisecond).
 * Only the speed depends on this guess, never the result.
 */
async function commonWords(db: Db, tsquery: Prisma.Sql): Promise<boolean> {
  const [[plan], [table]] = await Promise.all([
    db.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Message" m WHERE m."searchVector" @@ ${tsquery}`,
    db.$queryRaw<{ rows: number }[]>`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = '"Message"'::regclass`,
  ]);
  const json = plan?.["QUERY PLAN"];
  const parsed = (typeof json === "string" ? JSON.parse(json) : json) as Array<{ Plan?: { "Plan Rows"?: number } }>;
  const expected = parsed[0]?.Plan?.["Plan Rows"] ?? 0;
  return table !== undefined && table.rows > 0 && expected >= table.rows * COMMON_MESSAGE_SHARE;
}

/**
 * The words and phrases a search excludes (`-word`, `-"a phrase"`) and the rest. An exclusion is
 * about the whole ticket: a ticket that mentions the word anywhere (its subject, any message) is
 * left out, not only a message that does; websearch_to_tsquery alone would judge each message apart.
 */
export function splitExclusions(query: string): { include: string; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const token of query.trim().match(/-?"[^"]*"?|\S+/g) ?? []) {
    const excluded = token.length > 1 && token.startsWith("-") ? token.slice(1) : null;
    if (excluded === null) include.push(token);
    else if (excluded.replaceAll('"', "").trim()) exclude.push(excluded);
  }
  return { include: include.join(" ").trim(), exclude };
}

/** The ticket's (alias `t`) subject matches the tsquery. */
function inSubject(tsquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`t."searchVector" @@ ${tsquery}`;
}

/**
 * One of the ticket's (alias `t`) customer messages, replies or notes matches the tsquery. Alone,
 * this is a semi-join: PostgreSQL may start from the GIN index or walk the tickets. In the walk's
 * OR, OFFSET 0 (`walk`) keeps the subquery a check per ticket: without it PostgreSQL may first
 * collect every matching message into a hash, hundreds of milliseconds for a phrase.
 */
function inMessages(storeId: string, tsquery: Prisma.Sql, walk = false): Prisma.Sql {
  return Prisma.sql`EXISTS (
      SELECT 1 FROM "Message" m
      WHERE m."ticketId" = t.id AND m."storeId" = ${storeId}::uuid
        AND m."kind" IN ('INBOUND', 'OUTBOUND', 'NOTE')
        AND m."searchVector" @@ ${tsquery}
      ${walk ? Prisma.sql`OFFSET 0` : Prisma.empty})`;
}

/**
 * Ids of the store's tickets matching a search, most recently changed first: full-text over the
 * subject and every customer message, reply and note (PostgreSQL `websearch_to_tsquery`, so
 * "quoted phrases" work; -exclusions are of whole tickets, splitExclusions), plus exact ticket number or order id and the customer's
 * name or email. The text is matched against the stored "searchVector" columns (migration
 * stored_search_vectors): an index recheck or a ticket-by-ticket check reads the stored vector
 * instead of parsing the body again.
 *
 * Each way of matching is its own branch with its own ORDER BY … LIMIT, so PostgreSQL plans each
 * one alone: a rare word is looked up in its GIN index, a common one is checked ticket by ticket
 * walking the queue's order index until enough match. One OR over all of them (the first version)
 * forced a scan of every ticket and every matching message, seconds at a million tickets. The
 * newest `limit` of the union are the newest `limit` of the branches' newest `limit` each.
 *
 * Common words (and phrases of them) are the exception: subject and messages are checked in one
 * walk, since a ticket matching either way counts, and separate walks for a phrase in 1% of the
 * tickets' messages checked four times as many tickets. The planner cannot choose between that walk
 * and the GIN indexes (an OR with a subquery has no index plan: a rare word would be checked on
 * every ticket), so commonWords chooses, from the same statistics the planner would use.
 */
export async function searchTicketIds(db: Db, storeId: string, query: string, options: SearchTicketIdsOptions = {}): Promise<string[]> {
  const { include: text, exclude } = splitExclusions(query);
  if (!text) return [];
  const limit = options.limit ?? MAX_SEARCH_MATCHES;
  const excluded = Prisma.sql`websearch_to_tsquery('english'::regconfig, ${exclude.join(" or ")})`;
  const where = exclude.length
    ? Prisma.sql`${options.where ?? Prisma.sql`TRUE`} AND NOT (${inSubject(excluded)} OR ${inMessages(storeId, excluded)})`
    : (options.where ?? Prisma.sql`TRUE`);
  const digits = /^#?(\d{1,9})$/.exec(text)?.[1];
  const like = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  // The tsquery is written out in each branch (not a CTE) so the planner sees the words and can
  // estimate how many rows match them, which decides between the GIN index and the walk.
  const tsquery = Prisma.sql`websearch_to_tsquery('english'::regconfig, ${text})`;
  const branch = (match: Prisma.Sql) => Prisma.sql`(SELECT t.id, t."updatedAt" FROM "Ticket" t
      WHERE t."storeId" = ${storeId}::uuid AND ${where} AND ${match}
      ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${limit})`;
  const common = options.common ?? (await commonWords(db, tsquery));
  const branches = [
    ...(common ? [branch(Prisma.sql`(${inSubject(tsquery)} OR ${inMessages(storeId, tsquery, true)})`)] : [branch(inSubject(tsquery)), branch(inMessages(storeId, tsquery))]),
    branch(Prisma.sql`t."customerId" IN (
      SELECT c.id FROM "Customer" c
      WHERE c."storeId" = ${storeId}::uuid AND (c."email" ILIKE ${like} OR c."name" ILIKE ${like}))`),
  ];
  if (digits) {
    const number = Number(digits);
    branches.push(branch(Prisma.sql`(t."number" = ${number}::int OR t."bigcommerceOrderId" = ${number}::int)`));
  }
  // Without JIT: a walk's cost estimate often passes jit_above_cost, and compiling the plan then
  // takes 20-40 ms of a query that runs in one or two.
  const [, rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL jit = off`,
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (${Prisma.join(branches, " UNION ")}) matches
      ORDER BY "updatedAt" DESC, id DESC
      LIMIT ${limit}`,
  ]);
  return rows.map((row) => row.id);
}
