import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

/** A rule may only name a team and an active user of its own store. */
export async function requireRuleTargets(tx: Tx, storeId: string, targets: { teamId?: string | null; assigneeId?: string | null }): Promise<void> {
  if (targets.teamId) {
    const team = await tx.team.findFirst({ where: { id: targets.teamId, storeId }, select: { id: true } });
    if (!team) throw new AppError("UNPROCESSABLE", "The team must be a team of this store", { teamId: targets.teamId });
  }
  if (targets.assigneeId) {
    const user = await tx.user.findFirst({ where: { id: targets.assigneeId, storeId, disabledAt: null }, select: { id: true } });
    if (!user) throw new AppError("UNPROCESSABLE", "The agent must be an active user of this store", { assigneeId: targets.assigneeId });
  }
}
