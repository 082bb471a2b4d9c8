import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { InboxShell } from "@/components/inbox/inbox-shell.tsx";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { headerUser } from "@/lib/auth/header-user.ts";

export const dynamic = "force-dynamic";

export const metadata = { title: "Inbox · Tern" };

export default async function InboxPage() {
  const session = await getServerSession(authOptions);
  if (!session) redirect("/login");
  return <InboxShell user={headerUser(session.user)} />;
}
