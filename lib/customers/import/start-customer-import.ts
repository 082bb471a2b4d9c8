import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { customerImportSelect, toCustomerImportDto, type CustomerImportDto } from "./customer-import-dto.ts";
import { notifyCustomerImport } from "./customer-import-signal.ts";

/**
 * Queues a full import of the store's BigCommerce customers; the worker runs it. One at a time per
 * store: while one is queued or running, asking again is a conflict. Needs Tern's API access.
 */
export async function startCustomerImport(db: Db, input: { storeId: string; userId: string | null }): Promise<CustomerImportDto> {
  const store = await db.store.findUnique({ where: { id: input.storeId }, select: { accessTokenEncrypted: true, status: true } });
  if (!store?.accessTokenEncrypted || store.status !== "ACTIVE") throw new AppError("UNPROCESSABLE", "Tern has no API access to this store: install the app or reconnect it first");
  const row = await db.$transaction(async (tx) => {
    // Serialises two admins pressing Import at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('customer-import'), hashtext(${input.storeId}))`;
    const active = await tx.customerImport.findFirst({ where: { storeId: input.storeId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
    if (active) throw new AppError("CONFLICT", "An import of this store's customers is already running");
    return tx.customerImport.create({ data: { storeId: input.storeId, startedById: input.userId }, select: customerImportSelect });
  });
  notifyCustomerImport();
  return toCustomerImportDto(row);
}
