import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { KbManager } from "@/components/settings/kb-manager.tsx";
import { SettingsShell } from "@/components/settings/settings-shell.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Knowledge base · Settings · Tern" };

export default async function KnowledgeBaseSettingsPage() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  const user = headerUser(session.user);
  return (
    <SettingsShell user={user} active="knowledge-base">
      <KbManager canEdit={user.role !== "AGENT"} />
    </SettingsShell>
  );
}
