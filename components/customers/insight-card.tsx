"use client";

import { formatMoney } from "@/components/inbox/format-money.ts";
import { formatAbsolute } from "@/components/ui/relative-time.tsx";
import { cx } from "@/components/ui/cx.ts";
import type { CustomerInsight } from "@/lib/customers/customer-insight.ts";
import { useCustomerInsight } from "./use-customer.ts";

function Figure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-[11px] font-medium text-slate-500">{label}</dt>
      <dd className="break-words text-[13px] font-semibold text-slate-900">{children}</dd>
    </div>
  );
}

function ordersSeenNote(insight: CustomerInsight): string {
  const seen = `From the ${insight.ordersSeen === 1 ? "1 order" : `${insight.ordersSeen} orders`} Tern has seen for this customer`;
  const left = insight.ordersNotCounted > 0 ? `; ${insight.ordersNotCounted} cancelled, declined or incomplete not counted` : "";
  return `${seen}${left}. Orders from before the store was connected to Tern are not included.`;
}

/**
 * Kustomer's insight card: what this customer is worth and how they have been served, from what
 * Tern has stored. Values stay per currency (never added across currencies), and the card says
 * which orders they come from.
 */
export function InsightCard({ customerId, compact = false }: { customerId: string; compact?: boolean }) {
  const query = useCustomerInsight(customerId);
  if (query.isPending) return <p className="text-xs text-slate-600">Loading the customer’s figures…</p>;
  if (query.error) return <p role="alert" className="text-xs text-red-700">{query.error.message}</p>;
  const insight = query.data;
  const csatText = insight.lastCsat ? `${insight.lastCsat.score}/5 · #${insight.lastCsat.ticketNumber}` : "No answer yet";
  return (
    <div data-testid="insight-card" className="space-y-2">
      <dl className={cx("grid gap-x-3 gap-y-2", compact ? "grid-cols-2" : "grid-cols-2 sm:grid-cols-3")}>
        <Figure label="Lifetime value" testId="insight-ltv">
          {insight.byCurrency.length === 0 ? (
            "—"
          ) : (
            <ul>
              {insight.byCurrency.map((value) => (
                <li key={value.currency ?? "none"}>{formatMoney(value.lifetimeValue, value.currency)}</li>
              ))}
            </ul>
          )}
        </Figure>
        <Figure label="Orders" testId="insight-orders">
          {insight.byCurrency.reduce((sum, value) => sum + value.orders, 0)}
        </Figure>
        <Figure label="Average order">
          {insight.byCurrency.length === 0 ? (
            "—"
          ) : (
            <ul>
              {insight.byCurrency.map((value) => (
                <li key={value.currency ?? "none"}>{formatMoney(value.averageOrder, value.currency)}</li>
              ))}
            </ul>
          )}
        </Figure>
        <Figure label="Last order">
          {insight.lastOrder ? (
            <span title={formatAbsolute(insight.lastOrder.placedAt)}>
              #{insight.lastOrder.orderId} · {new Date(insight.lastOrder.placedAt).toLocaleDateString()}
              {insight.lastOrder.status && <span className="block text-xs font-normal text-slate-600">{insight.lastOrder.status}</span>}
            </span>
          ) : (
            "—"
          )}
        </Figure>
        <Figure label="Open tickets" testId="insight-open-tickets">
          {insight.openTickets}
        </Figure>
        <Figure label="Last CSAT">{csatText}</Figure>
      </dl>
      <p data-testid="insight-source" className="text-[11px] leading-snug text-slate-500">
        {ordersSeenNote(insight)}
        {insight.byCurrency.some((value) => Number(value.refunded) > 0) && " Refunds are taken off the value."}
      </p>
    </div>
  );
}
