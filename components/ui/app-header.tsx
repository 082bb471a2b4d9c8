"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useConnectionState } from "@/components/realtime/use-connection-state.ts";
import { cx } from "./cx.ts";
import { MenuIcon } from "./icons.tsx";
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

function SignOutButton({ className }: { className: string }) {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/login" })} className={cx(className, focusRing)}>
      Sign out
    </button>
  );
}

/** On a phone the sections and the account share one menu: the bar keeps room for Tern's name, the live state and this button. */
function PhoneMenu({ user, links, active }: { user: HeaderUser; links: HeaderLink[]; active: string }) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (panel.current && !panel.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const item = "flex min-h-11 w-full items-center rounded-md px-3 text-left text-sm";
  return (
    <div ref={panel} className="relative md:hidden">
      <button
        type="button"
        aria-label="Menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((shown) => !shown)}
        className={cx("grid size-11 place-items-center rounded-md text-slate-700 hover:bg-slate-100", focusRing)}
      >
        <MenuIcon size={20} />
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 top-12 z-30 w-64 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-1.5 shadow-lg">
          <nav aria-label="Sections">
            <ul>
              {links.map((link) => (
                <li key={link.id}>
                  <Link
                    href={link.href}
                    aria-current={link.id === active ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={cx(item, "font-medium", focusRing, link.id === active ? "bg-slate-100 text-slate-900" : "text-slate-700 hover:bg-slate-50")}
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-1.5 border-t border-slate-100 pt-1.5">
            <p className="px-3 py-1.5 text-[13px] text-slate-700">
              {user.name} <span className="text-slate-500">· {user.role.toLowerCase()}</span>
            </p>
            {user.storeAdminUrl && (
              <a href={user.storeAdminUrl} target="_blank" rel="noopener" className={cx(item, "text-tern-700 hover:bg-slate-50", focusRing)}>
                Store admin
              </a>
            )}
            <SignOutButton className={cx(item, "text-tern-700 hover:bg-slate-50")} />
          </div>
        </div>
      )}
    </div>
  );
}

/** The bar above every signed-in page: sections (the supervisor pages pass their own), live connection, who is signed in. */
export function AppHeader({ user, active, links, children }: { user: HeaderUser; active: string; links?: HeaderLink[]; children?: ReactNode }) {
  const sections = links ?? defaultLinks(user.role);
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4 max-md:gap-2 max-md:pl-3 max-md:pr-1">
      <Link href="/inbox" className={cx("flex items-center gap-2 rounded text-[15px] font-semibold text-tern-700", focusRing)}>
        <span aria-hidden="true" className="grid size-6 place-items-center rounded-md bg-tern-600 text-xs font-bold text-white">
          T
        </span>
        Tern
      </Link>
      <nav aria-label="Sections" className="max-md:hidden">
        <ul className="flex items-center gap-1">
          {sections.map((link) => (
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
        <PhoneMenu user={user} links={sections} active={active} />
        {user.storeAdminUrl && (
          <a
            href={user.storeAdminUrl}
            target="_blank"
            rel="noopener"
            title="Tern's pages inside the store's BigCommerce control panel"
            className={cx("rounded px-1 text-[13px] text-tern-700 hover:underline max-md:hidden", focusRing)}
          >
            Store admin
          </a>
        )}
        <span className="flex items-center gap-2 text-[13px] text-slate-700 max-md:hidden" title={user.name}>
          <span aria-hidden="true" className="grid size-6 place-items-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-700">
            {initials(user.name)}
          </span>
          {/* A tablet keeps the initials: the name would crowd out the sections. */}
          <span className="max-lg:sr-only">
            {user.name} <span className="text-slate-500">· {user.role.toLowerCase()}</span>
          </span>
        </span>
        <SignOutButton className="rounded px-1 text-[13px] text-tern-700 hover:underline max-md:hidden" />
      </div>
    </header>
  );
}
