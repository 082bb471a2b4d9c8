import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { CreateSlaPolicyBody } from "@/lib/validations/sla.ts";
import { slaPolicySelect, toSlaPolicyDto, type SlaPolicyDto } from "./sla-policy-dto.ts";

/** Applies to tickets created (or re-prioritised) from now on; running clocks keep their due times. */
export async function createSlaPolicy(db: Db, input: { storeId: string; policy: CreateSlaPolicyBody }): Promise<SlaPolicyDto> {
  const { policy } = input;
  const row = await db.slaPolicy.create({
    data: {
      storeId: input.storeId,
      name: policy.name,
      priority: policy.priority ?? null,
      tier: policy.tier ?? null,
      firstResponseSeconds: policy.firstResponseSeconds,
      nextResponseSeconds: policy.nextResponseSeconds ?? null,
      resolutionSeconds: policy.resolutionSeconds,
      warnAtShare: policy.warnAtShare ?? 0.8,
      businessHours: policy.businessHours ?? Prisma.DbNull,
    },
    select: slaPolicySelect,
  });
  return toSlaPolicyDto(row);
}
