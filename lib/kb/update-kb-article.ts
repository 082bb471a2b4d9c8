import type { Db } from "@/lib/db/client.ts";
import type { KbArticleFields } from "./create-kb-article.ts";
import { getKbArticle } from "./get-kb-article.ts";
import { kbArticleDtoSelect, toKbArticleDto, type KbArticleDto } from "./kb-article-dto.ts";

export async function updateKbArticle(db: Db, input: { storeId: string; articleId: string; patch: Partial<KbArticleFields> }): Promise<KbArticleDto> {
  const { storeId, articleId } = input;
  await getKbArticle(db, { storeId, articleId });
  const row = await db.kbArticle.update({ where: { id: articleId, storeId }, data: input.patch, select: kbArticleDtoSelect });
  return toKbArticleDto(row);
}
