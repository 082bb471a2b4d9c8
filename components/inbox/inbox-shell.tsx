"use client";

import { signOut } from "next-auth/react";
import { AppProviders } from "@/components/providers/app-providers.tsx";
import { useConnectionState } from "@/components/realtime/use-connection-state.ts";
import { TicketQueue } from "./ticket-queue.tsx";

type Props = { user: { name: string; role: string } };

function LiveBadge() {
  const state = useConnectionState();
  const styles = { live: "bg-emerald-100 text-emerald-800", offline: "bg-slate-100 text-slate-700" };
  return (
    <span data-testid="connection-state" data-state={state} className={`rounded px-2 py-0.5 text-xs font-medium ${styles[state]}`}>
      {state}
    </span>
  );
}

export function InboxShell({ user }: Props) {
  return (
    <AppProviders>
      <div className="flex min-h-screen flex-col">
        <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-3">
          <h1 className="text-lg font-semibold text-tern-700">Tern</h1>
          <LiveBadge />
          <span className="ml-auto text-sm text-slate-700">
            {user.name} · {user.role.toLowerCase()}
          </span>
          <button type="button" onClick={() => void signOut({ callbackUrl: "/login" })} className="text-sm text-tern-700 underline">
            Sign out
          </button>
        </header>
        <main className="flex-1">
          <h2 className="px-4 pt-4 text-sm font-semibold uppercase tracking-wide text-slate-500">Queue</h2>
          <TicketQueue />
        </main>
      </div>
    </AppProviders>
  );
}
