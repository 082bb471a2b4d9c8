import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export async function deleteEscalationPolicy(db: Db, input: { storeId: string; policyId: string }): Promise<void> {
  const { count } = isUuid(input.policyId) ? await db.escalationPolicy.deleteMany({ where: { id: input.policyId, storeId: input.storeId } }) : { count: 0 };
  if (count === 0) throw new AppError("NOT_FOUND", "Escalation policy not found");
}
