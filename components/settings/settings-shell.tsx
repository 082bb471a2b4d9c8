"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { AppProviders } from "@/components/providers/app-providers.tsx";
import { AppHeader, type HeaderUser } from "@/components/ui/app-header.tsx";
import { cx } from "@/components/ui/cx.ts";
import { focusRing } from "@/components/ui/styles.ts";
import { ToastProvider } from "@/components/ui/toast.tsx";

type Page = "templates" | "knowledge-base" | "routing" | "sla" | "telegram";

const PAGES: Array<{ id: Page; href: string; label: string; hint: string; supervisors?: true }> = [
  { id: "templates", href: "/settings/templates", label: "Templates", hint: "Canned replies with order variables" },
  { id: "knowledge-base", href: "/settings/knowledge-base", label: "Knowledge base", hint: "Articles suggested on tickets" },
  { id: "routing", href: "/settings/routing", label: "Routing", hint: "Assignment rules and capacity", supervisors: true },
  { id: "sla", href: "/settings/sla", label: "SLA", hint: "Targets and escalation", supervisors: true },
  { id: "telegram", href: "/settings/telegram", label: "Telegram", hint: "Answer from the staff group" },
];

export function SettingsShell({ user, active, children }: { user: HeaderUser; active: Page; children: ReactNode }) {
  return (
    <AppProviders>
      <ToastProvider>
        <div className="flex h-screen flex-col">
          <AppHeader user={user} active="settings" />
          <div className="flex min-h-0 flex-1">
            <nav aria-label="Settings" className="w-56 shrink-0 border-r border-slate-200 bg-white p-3">
              <h2 className="px-2 pb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-600">Settings</h2>
              <ul className="space-y-0.5">
                {PAGES.filter((page) => !page.supervisors || user.role !== "AGENT").map((page) => (
                  <li key={page.id}>
                    <Link
                      href={page.href}
                      aria-current={page.id === active ? "page" : undefined}
                      className={cx("block rounded-md px-2 py-1.5", focusRing, page.id === active ? "bg-slate-100" : "hover:bg-slate-50")}
                    >
                      <span className="block text-[13px] font-medium text-slate-900">{page.label}</span>
                      <span className="block text-[11px] text-slate-600">{page.hint}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <main className="min-w-0 flex-1 overflow-hidden bg-slate-50">{children}</main>
          </div>
        </div>
      </ToastProvider>
    </AppProviders>
  );
}
