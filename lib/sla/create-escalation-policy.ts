import type { Db } from "@/lib/db/client.ts";
import type { CreateEscalationPolicyBody } from "@/lib/validations/sla.ts";
import { escalationPolicySelect, toEscalationPolicyDto, type EscalationPolicyDto } from "./escalation-policy-dto.ts";
import { requireEscalationTeam } from "./require-escalation-team.ts";

export async function createEscalationPolicy(db: Db, input: { storeId: string; policy: CreateEscalationPolicyBody }): Promise<EscalationPolicyDto> {
  const { storeId, policy } = input;
  await requireEscalationTeam(db, storeId, policy.targetTeamId);
  const row = await db.escalationPolicy.create({
    data: {
      storeId,
      name: policy.name,
      category: policy.category ?? null,
      thresholdShare: policy.thresholdShare ?? 1,
      targetTeamId: policy.targetTeamId ?? null,
      enabled: policy.enabled ?? true,
    },
    select: escalationPolicySelect,
  });
  return toEscalationPolicyDto(row);
}
