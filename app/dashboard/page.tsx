import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { SupervisorDashboard } from "@/components/dashboard/supervisor-dashboard.tsx";
import { ForbiddenNotice } from "@/components/supervisor/forbidden-notice.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";
import { db } from "@/lib/db/client.ts";
import { listRoutingOptions } from "@/lib/routing/list-routing-options.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Dashboard · Tern" };

export default async function DashboardPage() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  if (session.user.role === "AGENT") return <ForbiddenNotice page="The dashboard" />;
  const { teams } = await listRoutingOptions(db(), session.user.storeId);
  return <SupervisorDashboard user={headerUser(session.user)} teams={teams} />;
}
