import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export async function deleteTemplate(db: Db, input: { storeId: string; templateId: string }): Promise<void> {
  const { count } = isUuid(input.templateId) ? await db.template.deleteMany({ where: { id: input.templateId, storeId: input.storeId } }) : { count: 0 };
  if (count === 0) throw new AppError("NOT_FOUND", "Template not found");
}
