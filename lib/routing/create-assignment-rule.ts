import type { Db } from "@/lib/db/client.ts";
import type { CreateAssignmentRuleBody } from "@/lib/validations/routing.ts";
import { assignmentRuleSelect, toAssignmentRuleDtos, type AssignmentRuleDto } from "./assignment-rule-dto.ts";
import { requireRuleTargets } from "./require-rule-targets.ts";

/** A new rule goes last: routing tries it after every existing one. */
export async function createAssignmentRule(db: Db, input: { storeId: string; rule: CreateAssignmentRuleBody }): Promise<AssignmentRuleDto> {
  const { storeId, rule } = input;
  return db.$transaction(async (tx) => {
    await requireRuleTargets(tx, storeId, rule);
    const last = await tx.assignmentRule.aggregate({ where: { storeId }, _max: { position: true } });
    const row = await tx.assignmentRule.create({
      data: {
        storeId,
        name: rule.name,
        enabled: rule.enabled ?? true,
        conditions: rule.conditions,
        teamId: rule.teamId ?? null,
        assigneeId: rule.assigneeId ?? null,
        priority: rule.priority ?? null,
        makesWork: rule.makesWork ?? false,
        position: (last._max.position ?? 0) + 1,
      },
      select: assignmentRuleSelect,
    });
    const [dto] = await toAssignmentRuleDtos(tx, storeId, [row]);
    return dto!;
  });
}
