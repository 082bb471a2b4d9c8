import type { Db } from "@/lib/db/client.ts";
import { checkTemplateBody } from "./check-template-body.ts";
import { requireUniqueTemplateName } from "./require-unique-template-name.ts";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "./template-dto.ts";

export type TemplateFields = { name: string; body: string; purpose?: string | null };

export async function createTemplate(db: Db, input: { storeId: string; fields: TemplateFields }): Promise<TemplateDto> {
  const { storeId, fields } = input;
  checkTemplateBody(fields.body);
  await requireUniqueTemplateName(db, storeId, fields.name);
  const row = await db.template.create({
    data: { storeId, name: fields.name, body: fields.body, purpose: fields.purpose ?? null },
    select: templateDtoSelect,
  });
  return toTemplateDto(row);
}
