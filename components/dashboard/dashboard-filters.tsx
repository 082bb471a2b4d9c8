"use client";

import { buttonClass, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import { dashboardQueryString, type DashboardFilterState } from "./use-dashboard-metrics.ts";

type Props = {
  filters: DashboardFilterState;
  /** The filters of the figures on screen (the last that could be shown): the CSVs export those. */
  shownFilters: DashboardFilterState;
  /** The days the server resolved (the last week when no dates are chosen), shown in the date fields. */
  shownRange: { from: string; to: string } | null;
  teams: { id: string; name: string }[];
  onChange: (filters: DashboardFilterState) => void;
};

const REPORTS = [
  { report: "tickets", label: "Tickets CSV" },
  { report: "daily", label: "Daily CSV" },
  { report: "agents", label: "Agents CSV" },
] as const;

/** Date range and team, plus the CSV downloads for exactly what is on screen. */
export function DashboardFilters({ filters, shownFilters, shownRange, teams, onChange }: Props) {
  const query = dashboardQueryString(shownFilters);
  const from = filters.from || shownRange?.from || "";
  const to = filters.to || shownRange?.to || "";
  return (
    <form className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()} aria-label="Dashboard filters">
      <label className="block">
        <span className={labelClass}>From</span>
        <input type="date" className={inputClass} value={from} max={to || undefined} onChange={(event) => onChange({ ...filters, from: event.target.value, to })} />
      </label>
      <label className="block">
        <span className={labelClass}>To</span>
        <input type="date" className={inputClass} value={to} min={from || undefined} onChange={(event) => onChange({ ...filters, to: event.target.value, from })} />
      </label>
      <label className="block">
        <span className={labelClass}>Team</span>
        <select className={inputClass} value={filters.teamId} onChange={(event) => onChange({ ...filters, teamId: event.target.value })}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={buttonClass.secondary} onClick={() => onChange({ from: "", to: "", teamId: "" })}>
        Last 7 days
      </button>
      <div className="ml-auto flex gap-2">
        {REPORTS.map(({ report, label }) => (
          <a key={report} className={buttonClass.secondary} href={`/api/v1/metrics/export?report=${report}${query ? `&${query}` : ""}`} download>
            {label}
          </a>
        ))}
      </div>
    </form>
  );
}
