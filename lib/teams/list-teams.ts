import type { Db } from "@/lib/db/client.ts";

export type TeamSummary = { id: string; name: string; level: number };

export async function listTeams(db: Db, storeId: string): Promise<TeamSummary[]> {
  return db.team.findMany({ where: { storeId }, orderBy: [{ level: "asc" }, { name: "asc" }], select: { id: true, name: true, level: true } });
}
