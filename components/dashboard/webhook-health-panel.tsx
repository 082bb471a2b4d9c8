import type { WebhookHealth } from "@/lib/metrics/webhook-health.ts";
import { cx } from "@/components/supervisor/ui-classes.ts";
import { ChartCard } from "./chart-card.tsx";
import { RelativeTime } from "./relative-time.tsx";

const STATUS_STYLE = {
  ok: "bg-emerald-50 text-emerald-800",
  degraded: "bg-amber-50 text-amber-800",
  idle: "bg-slate-100 text-slate-700",
} as const;

function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const SOURCE_LABEL = { BIGCOMMERCE: "BigCommerce webhooks", TELEGRAM: "Telegram updates" } as const;

export function WebhookHealthPanel({ health, now }: { health: WebhookHealth; now: number }) {
  return (
    <ChartCard title="Webhook health" testId="webhook-health">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {health.sources.map((source) => (
          <div key={source.source} className="rounded-md border border-slate-200 p-3">
            <div className="flex items-center justify-between">
              <h3 className="text-[13px] font-medium text-slate-800">{SOURCE_LABEL[source.source]}</h3>
              <span className={cx("rounded-full px-2 py-0.5 text-xs font-medium", STATUS_STYLE[source.status])}>{source.status}</span>
            </div>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
              {[
                ["received", source.received],
                ["processed", source.processed],
                ["dead", source.dead],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-[11px] text-slate-500">{label}</dt>
                  <dd className={cx("text-base font-semibold tabular-nums", label === "dead" && Number(value) > 0 ? "text-red-700" : "text-slate-900")}>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-2 text-xs text-slate-600">
              Backlog {source.backlog}
              {source.retrying ? ` (${source.retrying} retrying)` : ""} · last delivery <RelativeTime iso={source.lastReceivedAt} now={now} /> · last success{" "}
              <RelativeTime iso={source.lastProcessedAt} now={now} />
            </p>
          </div>
        ))}
      </div>
      <p className="mt-3 text-xs text-slate-600">
        BigCommerce processing lag p50 {formatMs(health.bigcommerce.processingLagMs.p50)} · p95 {formatMs(health.bigcommerce.processingLagMs.p95)}
        {health.bigcommerce.failures.rejected > 0 ? (
          <>
            {" "}
            · {health.bigcommerce.failures.rejected} refused for a wrong secret, last <RelativeTime iso={health.bigcommerce.failures.lastRejectedAt} now={now} />
          </>
        ) : null}
      </p>
      {health.bigcommerce.alerts.length ? (
        <ul className="mt-2 space-y-1" data-testid="webhook-alerts">
          {health.bigcommerce.alerts.map((alert) => (
            <li key={alert} role="status" className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900">
              {alert}
            </li>
          ))}
        </ul>
      ) : null}
    </ChartCard>
  );
}
