import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type KbArticleDto = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  skus: string[];
  categories: string[];
  published: boolean;
  createdAt: string;
  updatedAt: string;
};

export const kbArticleDtoSelect = {
  id: true,
  title: true,
  body: true,
  tags: true,
  skus: true,
  categories: true,
  published: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.KbArticleSelect;

type KbArticleRow = Prisma.KbArticleGetPayload<{ select: typeof kbArticleDtoSelect }>;

export function toKbArticleDto(row: KbArticleRow): KbArticleDto {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
