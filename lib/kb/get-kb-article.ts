import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { kbArticleDtoSelect, toKbArticleDto, type KbArticleDto } from "./kb-article-dto.ts";

export async function getKbArticle(db: Db, input: { storeId: string; articleId: string }): Promise<KbArticleDto> {
  const row = isUuid(input.articleId)
    ? await db.kbArticle.findFirst({ where: { id: input.articleId, storeId: input.storeId }, select: kbArticleDtoSelect })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "Article not found");
  return toKbArticleDto(row);
}
