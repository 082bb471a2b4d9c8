import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";

export type ClaimedDelivery = {
  id: string;
  storeId: string;
  chatId: string;
  messageId: string | null;
  part: number;
  partCount: number;
  payload: unknown;
  attempts: number;
};

export type ClaimOptions = {
  workerId: string;
  now: Date;
  limit?: number;
  /** Bot-wide budget per second (Telegram: about 30). */
  perSecond?: number;
  /** Gap between two messages to one private chat (about 1 s) and to one group (20 a minute). */
  privateGapMs?: number;
  groupGapMs?: number;
  /** A SENDING claim older than this belonged to a sender that died: it goes back to the queue. */
  leaseMs?: number;
  storeIds?: string[];
};

type Candidate = ClaimedDelivery & { seq: bigint };

/**
 * Takes the deliveries that may go out now. Per chat only the oldest unfinished row is eligible
 * (so a chat's messages leave in order, and a row waiting out a 429 or a backoff holds the ones
 * behind it), and only once the chat's last send is a gap ago. Per store (one bot) the rows sent
 * in the last second plus those in flight stay under the budget. FOR UPDATE SKIP LOCKED makes
 * concurrent senders on several instances take disjoint rows.
 */
export async function claimDeliveries(db: Db, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  const { now, workerId } = options;
  const limit = options.limit ?? 60;
  const perSecond = options.perSecond ?? 30;
  const privateGap = options.privateGapMs ?? 1_000;
  const groupGap = options.groupGapMs ?? 3_000;
  const leaseMs = options.leaseMs ?? 120_000;
  if (options.storeIds?.length === 0) return [];
  const storeFilter = options.storeIds ? Prisma.sql`AND d."storeId" IN (${Prisma.join(options.storeIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.empty;

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "TelegramDelivery" SET status = 'QUEUED', "lockedAt" = NULL, "lockedBy" = NULL
      WHERE status = 'SENDING' AND "lockedAt" < ${new Date(now.getTime() - leaseMs)}`;
    const candidates = await tx.$queryRaw<Candidate[]>`
      SELECT d.id, d."storeId", d."chatId", d."messageId", d.part, d."partCount", d.payload, d.attempts, d.seq
      FROM "TelegramDelivery" d
      WHERE d.status = 'QUEUED' AND d."nextAttemptAt" <= ${now} ${storeFilter}
        AND NOT EXISTS (
          SELECT 1 FROM "TelegramDelivery" e
          WHERE e."storeId" = d."storeId" AND e."chatId" = d."chatId" AND e.status IN ('QUEUED', 'SENDING', 'HELD') AND e.seq < d.seq)
        AND NOT EXISTS (
          SELECT 1 FROM "TelegramDelivery" s
          WHERE s."storeId" = d."storeId" AND s."chatId" = d."chatId"
            AND s."sentAt" > ${now}::timestamptz - make_interval(secs => (CASE WHEN d."chatId" LIKE '-%' THEN ${groupGap} ELSE ${privateGap} END)::float8 / 1000))
      ORDER BY d.seq
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED`;
    if (!candidates.length) return [];

    const storeIds = [...new Set(candidates.map((candidate) => candidate.storeId))];
    const used = await tx.$queryRaw<{ storeId: string; used: bigint }[]>`
      SELECT "storeId", count(*) AS used FROM "TelegramDelivery"
      WHERE "storeId" IN (${Prisma.join(storeIds.map((id) => Prisma.sql`${id}::uuid`))})
        AND (status = 'SENDING' OR "sentAt" > ${new Date(now.getTime() - 1000)})
      GROUP BY "storeId"`;
    const budget = new Map(storeIds.map((id) => [id, perSecond]));
    for (const row of used) budget.set(row.storeId, perSecond - Number(row.used));

    const chosen: ClaimedDelivery[] = [];
    for (const { seq: _seq, ...candidate } of candidates) {
      const left = budget.get(candidate.storeId) ?? 0;
      if (left <= 0) continue;
      budget.set(candidate.storeId, left - 1);
      chosen.push(candidate);
    }
    if (!chosen.length) return [];
    await tx.telegramDelivery.updateMany({
      where: { id: { in: chosen.map((delivery) => delivery.id) } },
      data: { status: "SENDING", lockedAt: now, lockedBy: workerId },
    });
    return chosen;
  });
}
