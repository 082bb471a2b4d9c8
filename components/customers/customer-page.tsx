"use client";

import Link from "next/link";
import { AppProviders } from "@/components/providers/app-providers.tsx";
import { AppHeader, type HeaderUser } from "@/components/ui/app-header.tsx";
import { cx } from "@/components/ui/cx.ts";
import { ChevronLeftIcon, StarIcon } from "@/components/ui/icons.tsx";
import { focusRing } from "@/components/ui/styles.ts";
import { CustomerTimeline } from "./customer-timeline.tsx";
import { InsightCard } from "./insight-card.tsx";
import { useCustomer } from "./use-customer.ts";

function CustomerView({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  if (customer.isPending) return <p className="p-4 text-sm text-slate-600">Loading the customer…</p>;
  if (customer.error) {
    return (
      <p role="alert" className="p-4 text-sm text-red-700">
        {customer.error.message}
      </p>
    );
  }
  const { customer: person } = customer.data;
  const name = person.name ?? person.email ?? "Customer";
  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 p-4">
      <Link href="/inbox" className={cx("inline-flex items-center gap-1 text-xs text-slate-600 hover:text-slate-900", focusRing)}>
        <ChevronLeftIcon size={14} /> Inbox
      </Link>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
          <span className="min-w-0 break-words">{name}</span>
          {person.tier === "VIP" && (
            <span className="inline-flex items-center gap-0.5 rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-bold uppercase text-amber-900">
              <StarIcon size={10} /> VIP
            </span>
          )}
        </h1>
        <p className="break-words text-xs text-slate-600">
          {[person.email, person.telegram && `Telegram ${person.telegram.username ? `@${person.telegram.username}` : (person.telegram.displayName ?? "chat")}`, person.region]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </header>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <aside aria-label="Insight" className="rounded-md border border-slate-200 bg-white p-3 lg:order-2 lg:self-start">
          <h2 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-600">Insight</h2>
          <InsightCard customerId={customerId} compact />
        </aside>
        <div className="min-w-0 lg:order-1">
          <CustomerTimeline customerId={customerId} />
        </div>
      </div>
    </div>
  );
}

/** A customer's page: who they are, the insight card, and their timeline. */
export function CustomerPage({ user, customerId }: { user: HeaderUser; customerId: string }) {
  return (
    <AppProviders>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <AppHeader user={user} active="inbox" />
        <main className="min-w-0 flex-1">
          <CustomerView customerId={customerId} />
        </main>
      </div>
    </AppProviders>
  );
}
