import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { SettingsShell } from "@/components/settings/settings-shell.tsx";
import { TemplatesManager } from "@/components/settings/templates-manager.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Templates · Settings · Tern" };

export default async function TemplatesSettingsPage() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  const user = headerUser(session.user);
  return (
    <SettingsShell user={user} active="templates">
      <TemplatesManager canEdit={user.role !== "AGENT"} />
    </SettingsShell>
  );
}
