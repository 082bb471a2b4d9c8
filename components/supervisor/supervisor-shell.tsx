"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useSyncExternalStore, type ReactNode } from "react";
import { AppProviders } from "@/components/providers/app-providers.tsx";
import { getSocket } from "@/components/realtime/socket-client.ts";
import { cx, ring } from "./ui-classes.ts";

export type SupervisorUser = { id: string; name: string; role: string };
export type SupervisorSection = "dashboard" | "routing" | "sla";

const SECTIONS: Array<{ id: SupervisorSection | "inbox" | "settings"; href: string; label: string }> = [
  { id: "inbox", href: "/inbox", label: "Inbox" },
  { id: "dashboard", href: "/dashboard", label: "Dashboard" },
  { id: "routing", href: "/settings/routing", label: "Routing" },
  { id: "sla", href: "/settings/sla", label: "SLA & escalation" },
  { id: "settings", href: "/settings", label: "Other settings" },
];

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  socket.on("connect", onChange);
  socket.on("disconnect", onChange);
  return () => {
    socket.off("connect", onChange);
    socket.off("disconnect", onChange);
  };
}

function LiveState() {
  const live = useSyncExternalStore(subscribe, () => getSocket().connected, () => false);
  return (
    <span
      data-testid="live-state"
      data-state={live ? "live" : "offline"}
      className={cx("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium", live ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700")}
    >
      <span aria-hidden="true" className={cx("size-1.5 rounded-full", live ? "bg-emerald-500" : "bg-slate-400")} />
      {live ? "live" : "offline"}
    </span>
  );
}

/** The frame of the supervisor pages: sections, live connection, who is signed in. */
export function SupervisorShell({ user, active, children }: { user: SupervisorUser; active: SupervisorSection; children: ReactNode }) {
  return (
    <AppProviders>
      <div className="flex min-h-screen flex-col bg-slate-50">
        <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
          <Link href="/inbox" className={cx("flex items-center gap-2 rounded text-[15px] font-semibold text-tern-700", ring)}>
            <span aria-hidden="true" className="grid size-6 place-items-center rounded-md bg-tern-600 text-xs font-bold text-white">
              T
            </span>
            Tern
          </Link>
          <nav aria-label="Sections">
            <ul className="flex items-center gap-1">
              {SECTIONS.map((section) => (
                <li key={section.id}>
                  <Link
                    href={section.href}
                    aria-current={section.id === active ? "page" : undefined}
                    className={cx(
                      "rounded-md px-2.5 py-1.5 text-[13px] font-medium",
                      ring,
                      section.id === active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
                    )}
                  >
                    {section.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LiveState />
          <div className="ml-auto flex items-center gap-3 text-[13px] text-slate-700">
            <span>
              {user.name} <span className="text-slate-500">· {user.role.toLowerCase()}</span>
            </span>
            <button type="button" onClick={() => void signOut({ callbackUrl: "/login" })} className={cx("rounded px-1 text-tern-700 hover:underline", ring)}>
              Sign out
            </button>
          </div>
        </header>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </AppProviders>
  );
}
