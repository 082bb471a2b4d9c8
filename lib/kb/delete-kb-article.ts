import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export async function deleteKbArticle(db: Db, input: { storeId: string; articleId: string }): Promise<void> {
  const { count } = isUuid(input.articleId) ? await db.kbArticle.deleteMany({ where: { id: input.articleId, storeId: input.storeId } }) : { count: 0 };
  if (count === 0) throw new AppError("NOT_FOUND", "Article not found");
}
