import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import type { UpdateEscalationPolicyBody } from "@/lib/validations/sla.ts";
import { escalationPolicySelect, toEscalationPolicyDto, type EscalationPolicyDto } from "./escalation-policy-dto.ts";
import { requireEscalationTeam } from "./require-escalation-team.ts";

export async function updateEscalationPolicy(
  db: Db,
  input: { storeId: string; policyId: string; patch: UpdateEscalationPolicyBody },
): Promise<EscalationPolicyDto> {
  const { storeId, policyId, patch } = input;
  const found = isUuid(policyId) ? await db.escalationPolicy.findFirst({ where: { id: policyId, storeId }, select: { id: true } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "Escalation policy not found");
  await requireEscalationTeam(db, storeId, patch.targetTeamId);
  const row = await db.escalationPolicy.update({ where: { id: policyId, storeId }, data: patch, select: escalationPolicySelect });
  return toEscalationPolicyDto(row);
}
