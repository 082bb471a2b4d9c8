import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import type { UpdateSlaPolicyBody } from "@/lib/validations/sla.ts";
import { slaPolicySelect, toSlaPolicyDto, type SlaPolicyDto } from "./sla-policy-dto.ts";

export async function updateSlaPolicy(db: Db, input: { storeId: string; policyId: string; patch: UpdateSlaPolicyBody }): Promise<SlaPolicyDto> {
  const { storeId, policyId, patch } = input;
  const found = isUuid(policyId) ? await db.slaPolicy.findFirst({ where: { id: policyId, storeId }, select: { id: true } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "SLA policy not found");
  const { businessHours, ...fields } = patch;
  const row = await db.slaPolicy.update({
    where: { id: policyId, storeId },
    data: { ...fields, ...(businessHours === undefined ? {} : { businessHours: businessHours ?? Prisma.DbNull }) },
    select: slaPolicySelect,
  });
  return toSlaPolicyDto(row);
}
