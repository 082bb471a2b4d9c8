import type { SlaEventRow } from "@/lib/metrics/recent-sla-events.ts";
import { cx } from "@/components/supervisor/ui-classes.ts";
import { ChartCard } from "./chart-card.tsx";
import { clockLabel } from "./format.ts";
import { RelativeTime } from "./relative-time.tsx";

const TYPE_STYLE = {
  WARNING: "bg-amber-50 text-amber-800",
  BREACH: "bg-red-50 text-red-800",
  ESCALATED: "bg-purple-50 text-purple-800",
  MET: "bg-emerald-50 text-emerald-800",
} as const;

export function SlaEventFeed({ events, now }: { events: SlaEventRow[]; now: number }) {
  return (
    <ChartCard title="Recent SLA events" testId="sla-events">
      {events.length === 0 ? (
        <p className="py-4 text-center text-[13px] text-slate-500">No warnings, breaches or escalations in this range</p>
      ) : (
        <ul className="max-h-64 divide-y divide-slate-100 overflow-auto">
          {events.map((event) => (
            <li key={event.id} className="flex items-center gap-2 py-1.5 text-[13px]">
              <span className={cx("w-20 shrink-0 rounded-full px-2 py-0.5 text-center text-[11px] font-medium", TYPE_STYLE[event.type])}>{event.type.toLowerCase()}</span>
              <a href={`/inbox?ticket=${event.ticketId}`} className="shrink-0 font-medium text-tern-700 hover:underline">
                #{event.number}
              </a>
              <span className="min-w-0 flex-1 truncate text-slate-700">{event.subject}</span>
              <span className="shrink-0 text-xs text-slate-500">{clockLabel(event.kind)}</span>
              <span className="w-20 shrink-0 text-right text-xs text-slate-500">
                <RelativeTime iso={event.at} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </ChartCard>
  );
}
