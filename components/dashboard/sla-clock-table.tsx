import type { ClockRow } from "@/lib/metrics/current-sla-clocks.ts";
import { cx } from "@/components/supervisor/ui-classes.ts";
import { ChartCard } from "./chart-card.tsx";
import { clockLabel, titleCase } from "./format.ts";
import { RelativeTime } from "./relative-time.tsx";

type Props = { title: string; rows: ClockRow[]; total: number; tone: "breached" | "at-risk"; now: number; testId: string };

/** The tickets whose clocks are past due or at risk right now, most urgent first. */
export function SlaClockTable({ title, rows, total, tone, now, testId }: Props) {
  return (
    <ChartCard title={`${title} (${total})`} testId={testId}>
      {rows.length === 0 ? (
        <p className="py-6 text-center text-[13px] text-slate-500">{tone === "breached" ? "No breaches right now" : "Nothing at risk right now"}</p>
      ) : (
        <div className="max-h-72 overflow-auto">
          <table className="w-full text-[13px]">
            <thead className="sticky top-0 bg-white">
              <tr className="text-left text-xs text-slate-500">
                <th className="pb-1 font-medium">Ticket</th>
                <th className="pb-1 font-medium">Clock</th>
                <th className="pb-1 font-medium">Due</th>
                <th className="pb-1 font-medium">Status</th>
                <th className="pb-1 font-medium">Agent</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.ticketId}-${row.kind}`} data-ticket-number={row.number} data-clock={row.kind} className="border-t border-slate-100 align-top">
                  <td className="py-1.5 pr-2">
                    <a href={`/inbox?ticket=${row.ticketId}`} className="font-medium text-tern-700 hover:underline">
                      #{row.number}
                    </a>{" "}
                    <span className="text-slate-700">{row.subject}</span>
                  </td>
                  <td className="py-1.5 pr-2 whitespace-nowrap text-slate-700">{clockLabel(row.kind)}</td>
                  <td className={cx("py-1.5 pr-2 whitespace-nowrap font-medium", tone === "breached" ? "text-red-700" : "text-amber-700")}>
                    <RelativeTime iso={row.dueAt} now={now} />
                  </td>
                  <td className="py-1.5 pr-2 whitespace-nowrap text-slate-700" data-testid="clock-ticket-status">
                    {titleCase(row.status)}
                  </td>
                  <td className="py-1.5 whitespace-nowrap text-slate-700">{row.assignee ?? <span className="text-slate-400">unassigned</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
