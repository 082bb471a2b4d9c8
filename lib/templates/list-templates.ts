import type { Db } from "@/lib/db/client.ts";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "./template-dto.ts";

/** The store's templates by name (a store keeps tens of them, not thousands: no paging). */
export async function listTemplates(db: Db, storeId: string): Promise<TemplateDto[]> {
  const rows = await db.template.findMany({ where: { storeId }, orderBy: { name: "asc" }, select: templateDtoSelect });
  return rows.map(toTemplateDto);
}
