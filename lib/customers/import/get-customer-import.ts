import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { customerImportSelect, toCustomerImportDto, type CustomerImportDto } from "./customer-import-dto.ts";

/** One of the store's imports; another store's id is not found. */
export async function getCustomerImport(db: Db, input: { storeId: string; importId: string }): Promise<CustomerImportDto> {
  const row = isUuid(input.importId) ? await db.customerImport.findFirst({ where: { id: input.importId, storeId: input.storeId }, select: customerImportSelect }) : null;
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  return toCustomerImportDto(row);
}

/** The store's latest imports, newest first. */
export async function listCustomerImports(db: Db, input: { storeId: string; limit?: number }): Promise<{ items: CustomerImportDto[] }> {
  const rows = await db.customerImport.findMany({
    where: { storeId: input.storeId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 10, 1), 50),
    select: customerImportSelect,
  });
  return { items: rows.map((row) => toCustomerImportDto(row)) };
}
