import type { DashboardMetrics } from "@/lib/metrics/get-dashboard-metrics.ts";
import { cx } from "@/components/supervisor/ui-classes.ts";
import { formatDuration, formatPercent } from "./format.ts";

type Card = { label: string; value: string; hint?: string; tone?: "bad" | "warn"; testId: string };

export function SummaryCards({ metrics }: { metrics: DashboardMetrics }) {
  const { responseTimes, compliance, clocks, queue, csat, selfService } = metrics;
  const cards: Card[] = [
    { label: "First response (median)", value: formatDuration(responseTimes.overall.firstResponse.medianSeconds), hint: `p90 ${formatDuration(responseTimes.overall.firstResponse.p90Seconds)}`, testId: "card-frt" },
    { label: "Resolution (median)", value: formatDuration(responseTimes.overall.resolution.medianSeconds), hint: `p90 ${formatDuration(responseTimes.overall.resolution.p90Seconds)}`, testId: "card-resolution" },
    { label: "SLA met", value: formatPercent(compliance.overall.overall.percentMet), hint: `${compliance.overall.overall.met} met · ${compliance.overall.overall.missed} missed`, testId: "card-sla-met" },
    { label: "Breached now", value: String(clocks.breachedCount), tone: clocks.breachedCount ? "bad" : undefined, testId: "card-breached" },
    { label: "At risk now", value: String(clocks.atRiskCount), tone: clocks.atRiskCount ? "warn" : undefined, testId: "card-at-risk" },
    { label: "Open tickets", value: String(queue.open), hint: `${queue.unassigned} unassigned · ${queue.watching} watched orders`, testId: "card-open" },
    { label: "CSAT", value: csat.average === null ? "—" : `${csat.average} / 5`, hint: `${csat.responses} answers`, testId: "card-csat" },
    {
      label: "Deflection",
      value: String(selfService.deflected),
      hint: `${selfService.deflectionRate === null ? "—" : `${Math.round(selfService.deflectionRate * 100)}%`} of resolved, no agent`,
      testId: "card-deflection",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
      {cards.map((card) => (
        <div
          key={card.label}
          data-testid={card.testId}
          className={cx(
            "rounded-lg border bg-white px-3 py-2.5 shadow-sm",
            card.tone === "bad" ? "border-red-200" : card.tone === "warn" ? "border-amber-200" : "border-slate-200",
          )}
        >
          <dt className="text-xs text-slate-600">{card.label}</dt>
          <dd className={cx("mt-0.5 text-xl font-semibold tabular-nums", card.tone === "bad" ? "text-red-700" : card.tone === "warn" ? "text-amber-700" : "text-slate-900")}>
            {card.value}
          </dd>
          {card.hint ? <dd className="text-[11px] text-slate-500">{card.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
