import { adminPage } from "@/components/admin/admin-page.tsx";
import { AgentsTable } from "@/components/admin/agents-table.tsx";
import { db } from "@/lib/db/client.ts";
import { listTeams } from "@/lib/teams/list-teams.ts";
import { listStorePeople } from "@/lib/users/list-store-people.ts";

export const dynamic = "force-dynamic";

export default function AdminAgentsPage() {
  return adminPage(["ADMIN"], async (actor) => {
    const [people, teams] = await Promise.all([listStorePeople(db(), actor.storeId), listTeams(db(), actor.storeId)]);
    return <AgentsTable people={people} teams={teams} currentUserId={actor.userId} />;
  });
}
