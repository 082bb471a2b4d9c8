import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { AssignmentRuleDto } from "./assignment-rule-dto.ts";
import { listAssignmentRules } from "./list-assignment-rules.ts";

/** Sets the order routing tries the rules in: `ids` must name every rule of the store exactly once. */
export async function reorderAssignmentRules(db: Db, input: { storeId: string; ids: string[] }): Promise<AssignmentRuleDto[]> {
  const { storeId, ids } = input;
  await db.$transaction(async (tx) => {
    const rules = await tx.assignmentRule.findMany({ where: { storeId }, select: { id: true } });
    const known = new Set(rules.map((rule) => rule.id));
    if (ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new AppError("UNPROCESSABLE", "Send every rule of the store exactly once, in the new order");
    }
    for (const [index, id] of ids.entries()) {
      await tx.assignmentRule.update({ where: { id, storeId }, data: { position: index + 1 }, select: { id: true } });
    }
  });
  return listAssignmentRules(db, storeId);
}
