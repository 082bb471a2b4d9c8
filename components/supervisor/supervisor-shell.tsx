"use client";

import type { ReactNode } from "react";
import { AppProviders } from "@/components/providers/app-providers.tsx";
import { AppHeader, type HeaderLink } from "@/components/ui/app-header.tsx";

export type SupervisorUser = { id: string; name: string; role: string };
export type SupervisorSection = "dashboard" | "routing" | "sla";

const SECTIONS: HeaderLink[] = [
  { id: "inbox", href: "/inbox", label: "Inbox" },
  { id: "dashboard", href: "/dashboard", label: "Dashboard" },
  { id: "routing", href: "/settings/routing", label: "Routing" },
  { id: "sla", href: "/settings/sla", label: "SLA & escalation" },
  { id: "settings", href: "/settings", label: "Other settings" },
];

/** The frame of the supervisor pages: sections, live connection, who is signed in. */
export function SupervisorShell({ user, active, children }: { user: SupervisorUser; active: SupervisorSection; children: ReactNode }) {
  return (
    <AppProviders>
      <div className="flex min-h-screen flex-col bg-slate-50">
        <AppHeader user={user} active={active} links={SECTIONS} />
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </AppProviders>
  );
}
