"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import type { ReactNode } from "react";
import { useConnectionState } from "@/components/realtime/use-connection-state.ts";
import { cx } from "./cx.ts";
import { focusRing } from "./styles.ts";

/** `storeAdminUrl`: the control panel page that opens Tern's in-admin pages (admins, where Tern knows it). */
export type HeaderUser = { id: string; name: string; role: string; storeAdminUrl?: string | null };

export type HeaderLink = { id: string; href: string; label: string };

function LiveBadge() {
  const state = useConnectionState();
  return (
    <span
      data-testid="connection-state"
      data-state={state}
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium",
        state === "live" ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700",
      )}
    >
      <span aria-hidden="true" className={cx("size-1.5 rounded-full", state === "live" ? "bg-emerald-500" : "bg-slate-400")} />
      {state}
    </span>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

function defaultLinks(role: string): HeaderLink[] {
  return [
    { id: "inbox", href: "/inbox", label: "Inbox" },
    ...(role === "AGENT" ? [] : [{ id: "dashboard", href: "/dashboard", label: "Dashboard" }]),
    { id: "settings", href: "/settings/templates", label: "Settings" },
  ];
}

/** The bar above every signed-in page: sections (the supervisor pages pass their own), live connection, who is signed in. */
export function AppHeader({ user, active, links, children }: { user: HeaderUser; active: string; links?: HeaderLink[]; children?: ReactNode }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <Link href="/inbox" className={cx("flex items-center gap-2 rounded text-[15px] font-semibold text-tern-700", focusRing)}>
        <span aria-hidden="true" className="grid size-6 place-items-center rounded-md bg-tern-600 text-xs font-bold text-white">
          T
        </span>
        Tern
      </Link>
      <nav aria-label="Sections">
        <ul className="flex items-center gap-1">
          {(links ?? defaultLinks(user.role)).map((link) => (
            <li key={link.id}>
              <Link
                href={link.href}
                aria-current={link.id === active ? "page" : undefined}
                className={cx(
                  "rounded-md px-2.5 py-1.5 text-[13px] font-medium",
                  focusRing,
                  link.id === active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
                )}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LiveBadge />
      <div className="ml-auto flex items-center gap-3">
        {children}
        {user.storeAdminUrl && (
          <a
            href={user.storeAdminUrl}
            target="_blank"
            rel="noopener"
            title="Tern's pages inside the store's BigCommerce control panel"
            className={cx("rounded px-1 text-[13px] text-tern-700 hover:underline", focusRing)}
          >
            Store admin
          </a>
        )}
        <span className="flex items-center gap-2 text-[13px] text-slate-700">
          <span aria-hidden="true" className="grid size-6 place-items-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-700">
            {initials(user.name)}
          </span>
          <span>
            {user.name} <span className="text-slate-500">· {user.role.toLowerCase()}</span>
          </span>
        </span>
        <button
          type="button"
          onClick={() => void signOut({ callbackUrl: "/login" })}
          className={cx("rounded px-1 text-[13px] text-tern-700 hover:underline", focusRing)}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
