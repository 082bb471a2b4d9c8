import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import type { UpdateAssignmentRuleBody } from "@/lib/validations/routing.ts";
import { assignmentRuleSelect, toAssignmentRuleDtos, type AssignmentRuleDto } from "./assignment-rule-dto.ts";
import { requireRuleTargets } from "./require-rule-targets.ts";

export async function updateAssignmentRule(db: Db, input: { storeId: string; ruleId: string; patch: UpdateAssignmentRuleBody }): Promise<AssignmentRuleDto> {
  const { storeId, ruleId, patch } = input;
  if (!isUuid(ruleId)) throw new AppError("NOT_FOUND", "Rule not found");
  return db.$transaction(async (tx) => {
    const current = await tx.assignmentRule.findFirst({ where: { id: ruleId, storeId }, select: { teamId: true, assigneeId: true, priority: true, makesWork: true } });
    if (!current) throw new AppError("NOT_FOUND", "Rule not found");
    const next = {
      teamId: patch.teamId === undefined ? current.teamId : patch.teamId,
      assigneeId: patch.assigneeId === undefined ? current.assigneeId : patch.assigneeId,
      priority: patch.priority === undefined ? current.priority : patch.priority,
      makesWork: patch.makesWork ?? current.makesWork,
    };
    if (!next.teamId && !next.assigneeId && !next.priority && !next.makesWork) {
      throw new AppError("UNPROCESSABLE", "A rule must route to a team, an agent or a priority, or make order tickets work");
    }
    await requireRuleTargets(tx, storeId, { teamId: patch.teamId, assigneeId: patch.assigneeId });
    const row = await tx.assignmentRule.update({
      where: { id: ruleId, storeId },
      data: { name: patch.name, enabled: patch.enabled, conditions: patch.conditions, ...next },
      select: assignmentRuleSelect,
    });
    const [dto] = await toAssignmentRuleDtos(tx, storeId, [row]);
    return dto!;
  });
}
