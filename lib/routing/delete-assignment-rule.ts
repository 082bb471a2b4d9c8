import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export async function deleteAssignmentRule(db: Db, input: { storeId: string; ruleId: string }): Promise<void> {
  const { count } = isUuid(input.ruleId) ? await db.assignmentRule.deleteMany({ where: { id: input.ruleId, storeId: input.storeId } }) : { count: 0 };
  if (count === 0) throw new AppError("NOT_FOUND", "Rule not found");
}
