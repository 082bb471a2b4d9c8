import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "./template-dto.ts";

export async function getTemplate(db: Db, input: { storeId: string; templateId: string }): Promise<TemplateDto> {
  const row = isUuid(input.templateId)
    ? await db.template.findFirst({ where: { id: input.templateId, storeId: input.storeId }, select: templateDtoSelect })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "Template not found");
  return toTemplateDto(row);
}
