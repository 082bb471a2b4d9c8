import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { SlaSettingsPage } from "@/components/sla-settings/sla-settings-page.tsx";
import { ForbiddenNotice } from "@/components/supervisor/forbidden-notice.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";
import { db } from "@/lib/db/client.ts";
import { listRoutingOptions } from "@/lib/routing/list-routing-options.ts";
import { getStoreTimeZone } from "@/lib/sla/get-store-time-zone.ts";
import { listEscalationPolicies } from "@/lib/sla/list-escalation-policies.ts";
import { listSlaHolidays } from "@/lib/sla/list-sla-holidays.ts";
import { listSlaPolicies } from "@/lib/sla/list-sla-policies.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "SLA · Settings · Tern" };

export default async function SlaSettings() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  if (session.user.role === "AGENT") return <ForbiddenNotice page="SLA settings" />;
  const { storeId } = session.user;
  const [storeTimeZone, policies, escalations, holidays, options] = await Promise.all([
    getStoreTimeZone(db(), storeId),
    listSlaPolicies(db(), storeId),
    listEscalationPolicies(db(), storeId),
    listSlaHolidays(db(), storeId),
    listRoutingOptions(db(), storeId),
  ]);
  return (
    <SlaSettingsPage
      user={headerUser(session.user)}
      storeTimeZone={storeTimeZone}
      policies={policies}
      escalations={escalations}
      holidays={holidays}
      teams={options.teams}
    />
  );
}
