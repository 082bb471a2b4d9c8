import type { Db } from "@/lib/db/client.ts";
import { checkTemplateBody } from "./check-template-body.ts";
import type { TemplateFields } from "./create-template.ts";
import { requireUniqueTemplateName } from "./require-unique-template-name.ts";
import { getTemplate } from "./get-template.ts";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "./template-dto.ts";

export async function updateTemplate(db: Db, input: { storeId: string; templateId: string; patch: Partial<TemplateFields> }): Promise<TemplateDto> {
  const { storeId, templateId, patch } = input;
  const current = await getTemplate(db, { storeId, templateId });
  if (patch.body !== undefined) checkTemplateBody(patch.body);
  if (patch.name !== undefined && patch.name !== current.name) await requireUniqueTemplateName(db, storeId, patch.name, templateId);
  const row = await db.template.update({
    where: { id: templateId, storeId },
    data: { name: patch.name, body: patch.body, purpose: patch.purpose },
    select: templateDtoSelect,
  });
  return toTemplateDto(row);
}
