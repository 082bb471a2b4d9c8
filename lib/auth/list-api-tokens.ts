import type { Db } from "@/lib/db/client.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";

/** A token as the admin page and GET /api/v1/api-tokens show it: never the token or its hash. */
export type ApiTokenDto = {
  id: string;
  name: string;
  /** The token's first characters, to tell tokens apart. */
  prefix: string;
  role: Role;
  /** The user the token acts as. */
  user: { id: string; name: string };
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** The store's tokens, newest first; the token values themselves are never stored or shown again. */
export async function listApiTokens(db: Db, storeId: string): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { storeId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}
