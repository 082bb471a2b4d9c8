"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { cx } from "@/components/ui/cx.ts";
import { focusRing } from "@/components/ui/styles.ts";
import type { CustomerPage } from "@/lib/customers/list-customers.ts";

const SHOWN = 5;

/** The inbox search's customers: a search for a name, an email or a @username also offers the person's page. */
export function CustomerMatches({ q }: { q: string }) {
  const query = useQuery({
    queryKey: ["customers", "search", q],
    queryFn: ({ signal }) => apiFetch<CustomerPage>(`/api/v1/customers?${new URLSearchParams({ q, limit: String(SHOWN) })}`, { signal }),
  });
  const customers = query.data?.items ?? [];
  if (customers.length === 0) return null;
  return (
    <nav aria-label="Matching customers" className="border-b border-slate-200 px-3 py-2">
      <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600">Customers</p>
      <ul className="space-y-0.5">
        {customers.map((customer) => (
          <li key={customer.id}>
            <Link
              href={`/inbox/customers/${customer.id}`}
              className={cx("flex min-w-0 items-baseline gap-2 rounded px-1 py-1 text-xs hover:bg-slate-50", focusRing)}
            >
              <span className="truncate font-medium text-slate-900">{customer.name ?? customer.email ?? "Customer"}</span>
              {customer.email && customer.name && <span className="truncate text-slate-500">{customer.email}</span>}
            </Link>
          </li>
        ))}
      </ul>
      {query.data?.nextCursor && <p className="px-1 text-[11px] text-slate-500">More match: search more exactly.</p>}
    </nav>
  );
}
