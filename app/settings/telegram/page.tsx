import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { SettingsShell } from "@/components/settings/settings-shell.tsx";
import { TelegramLink } from "@/components/settings/telegram-link.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Telegram · Settings · Tern" };

export default async function TelegramSettingsPage() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  return (
    <SettingsShell user={headerUser(session.user)} active="telegram">
      <TelegramLink />
    </SettingsShell>
  );
}
