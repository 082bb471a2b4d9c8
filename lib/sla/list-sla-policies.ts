import type { Db } from "@/lib/db/client.ts";
import { slaPolicySelect, toSlaPolicyDto, type SlaPolicyDto } from "./sla-policy-dto.ts";

export async function listSlaPolicies(db: Db, storeId: string): Promise<SlaPolicyDto[]> {
  const rows = await db.slaPolicy.findMany({ where: { storeId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: slaPolicySelect });
  return rows.map(toSlaPolicyDto);
}
