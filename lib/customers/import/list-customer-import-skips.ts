import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export type CustomerImportSkipDto = { id: string; bigcommerceCustomerId: number | null; reason: string; createdAt: string };

/** The records an import left out and why, oldest first, with cursor paging. */
export async function listCustomerImportSkips(
  db: Db,
  input: { storeId: string; importId: string; cursor?: string; limit?: number },
): Promise<{ items: CustomerImportSkipDto[]; nextCursor: string | null }> {
  const found = isUuid(input.importId) ? await db.customerImport.findFirst({ where: { id: input.importId, storeId: input.storeId }, select: { id: true } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "Import not found");
  if (input.cursor !== undefined && !isUuid(input.cursor)) throw new AppError("BAD_REQUEST", "Invalid cursor");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db.customerImportSkip.findMany({
    where: { importId: found.id, storeId: input.storeId, ...(input.cursor ? { id: { gt: input.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, bigcommerceCustomerId: true, reason: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
