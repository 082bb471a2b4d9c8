import type { Db } from "@/lib/db/client.ts";

/** "Last used" is for people, who need minutes, not milliseconds. */
export const API_TOKEN_STAMP_INTERVAL_MS = 60_000;

/**
 * Records that a token was just used, at most once a minute per token: a busy integration would
 * otherwise write a row on every call. `lastUsedAt` is the value read while authenticating, so a
 * fresh stamp costs no query at all; the condition in the update keeps concurrent calls (or other
 * instances) from stamping the same minute twice.
 */
export async function stampApiTokenUse(db: Db, token: { id: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  const staleBefore = new Date(now.getTime() - API_TOKEN_STAMP_INTERVAL_MS);
  if (token.lastUsedAt && token.lastUsedAt > staleBefore) return;
  await db.apiToken.updateMany({
    where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
    data: { lastUsedAt: now },
  });
}
