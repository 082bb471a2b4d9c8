import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type TemplateDto = { id: string; name: string; body: string; purpose: string | null; createdAt: string; updatedAt: string };

export const templateDtoSelect = { id: true, name: true, body: true, purpose: true, createdAt: true, updatedAt: true } satisfies Prisma.TemplateSelect;

type TemplateRow = Prisma.TemplateGetPayload<{ select: typeof templateDtoSelect }>;

export function toTemplateDto(row: TemplateRow): TemplateDto {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
