import type { Db } from "@/lib/db/client.ts";
import { storePersonSelect, toStorePersonDto, type StorePersonDto } from "./store-person-dto.ts";

/** Everyone in the store, active first then disabled, by name. */
export async function listStorePeople(db: Db, storeId: string): Promise<StorePersonDto[]> {
  const rows = await db.user.findMany({ where: { storeId }, orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }], select: storePersonSelect });
  return rows.map(toStorePersonDto);
}
