import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

export async function requireEscalationTeam(db: Db, storeId: string, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const team = await db.team.findFirst({ where: { id: teamId, storeId }, select: { id: true } });
  if (!team) throw new AppError("UNPROCESSABLE", "The target team must be a team of this store", { targetTeamId: teamId });
}
