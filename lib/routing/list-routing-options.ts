import type { Db } from "@/lib/db/client.ts";

export type RoutingOptions = {
  teams: { id: string; name: string; level: number }[];
  agents: { id: string; name: string; teamId: string | null }[];
};

/** What the routing and SLA settings forms offer to pick from: the store's teams and active users. */
export async function listRoutingOptions(db: Db, storeId: string): Promise<RoutingOptions> {
  const teams = await db.team.findMany({ where: { storeId }, orderBy: [{ level: "asc" }, { name: "asc" }], select: { id: true, name: true, level: true } });
  const agents = await db.user.findMany({ where: { storeId, disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, teamId: true } });
  return { teams, agents };
}
