import type { Db } from "@/lib/db/client.ts";
import { kbArticleDtoSelect, toKbArticleDto, type KbArticleDto } from "./kb-article-dto.ts";

export type KbArticleFields = { title: string; body: string; tags?: string[]; skus?: string[]; categories?: string[]; published?: boolean };

export async function createKbArticle(db: Db, input: { storeId: string; fields: KbArticleFields }): Promise<KbArticleDto> {
  const row = await db.kbArticle.create({ data: { storeId: input.storeId, ...input.fields }, select: kbArticleDtoSelect });
  return toKbArticleDto(row);
}
