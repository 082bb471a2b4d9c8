import type { Db } from "@/lib/db/client.ts";
import { escalationPolicySelect, toEscalationPolicyDto, type EscalationPolicyDto } from "./escalation-policy-dto.ts";

export async function listEscalationPolicies(db: Db, storeId: string): Promise<EscalationPolicyDto[]> {
  const rows = await db.escalationPolicy.findMany({ where: { storeId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: escalationPolicySelect });
  return rows.map(toEscalationPolicyDto);
}
