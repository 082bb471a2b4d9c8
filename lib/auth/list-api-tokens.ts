import type { Db } from "@/lib/db/client.ts";

/** The store's tokens, newest first; the token values themselves are never stored or shown again. */
export function listApiTokens(db: Db, storeId: string) {
  return db.apiToken.findMany({
    where: { storeId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { id: true, name: true } } },
  });
}
