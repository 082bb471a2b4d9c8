import type { Db } from "@/lib/db/client.ts";
import { assignmentRuleSelect, toAssignmentRuleDtos, type AssignmentRuleDto } from "./assignment-rule-dto.ts";

/** The store's rules in the order routing tries them. */
export async function listAssignmentRules(db: Db, storeId: string): Promise<AssignmentRuleDto[]> {
  const rows = await db.assignmentRule.findMany({
    where: { storeId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: assignmentRuleSelect,
  });
  return toAssignmentRuleDtos(db, storeId, rows);
}
