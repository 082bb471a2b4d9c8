import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { RoutingSettingsPage } from "@/components/routing-settings/routing-settings-page.tsx";
import { ForbiddenNotice } from "@/components/supervisor/forbidden-notice.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";
import { db } from "@/lib/db/client.ts";
import { listAgentLoads } from "@/lib/routing/list-agent-loads.ts";
import { listAssignmentRules } from "@/lib/routing/list-assignment-rules.ts";
import { listRoutingOptions } from "@/lib/routing/list-routing-options.ts";
import { loadRoutingSettings } from "@/lib/routing/load-routing-settings.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Routing · Settings · Tern" };

export default async function RoutingSettings() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  if (session.user.role === "AGENT") return <ForbiddenNotice page="Routing settings" />;
  const { storeId } = session.user;
  const [rules, options, settings, agents] = await Promise.all([
    listAssignmentRules(db(), storeId),
    listRoutingOptions(db(), storeId),
    loadRoutingSettings(db(), storeId),
    listAgentLoads(db(), { storeId }),
  ]);
  return (
    <RoutingSettingsPage user={headerUser(session.user)} rules={rules} options={options} settings={settings} agents={agents} />
  );
}
