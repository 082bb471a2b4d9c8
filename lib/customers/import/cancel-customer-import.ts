import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { customerImportSelect, toCustomerImportDto, type CustomerImportDto } from "./customer-import-dto.ts";

/**
 * Stops a queued or running import. The worker notices at its next page (its page transaction
 * only commits while the import is RUNNING), so customers already imported stay.
 */
export async function cancelCustomerImport(db: Db, input: { storeId: string; importId: string }): Promise<CustomerImportDto> {
  if (!isUuid(input.importId)) throw new AppError("NOT_FOUND", "Import not found");
  const updated = await db.customerImport.updateMany({
    where: { id: input.importId, storeId: input.storeId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED", finishedAt: new Date(), lockedBy: null, leaseUntil: null },
  });
  const row = await db.customerImport.findFirst({ where: { id: input.importId, storeId: input.storeId }, select: customerImportSelect });
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  if (updated.count === 0) throw new AppError("CONFLICT", `The import has already ended (${row.status.toLowerCase()})`);
  return toCustomerImportDto(row);
}
