"use client";

import { useState } from "react";
import { SupervisorShell, type SupervisorUser } from "@/components/supervisor/supervisor-shell.tsx";
import { AgentLoadChart } from "./agent-load-chart.tsx";
import { ComplianceChart } from "./compliance-chart.tsx";
import { CsatPanel } from "./csat-panel.tsx";
import { DashboardFilters } from "./dashboard-filters.tsx";
import { QueueDepthChart } from "./queue-depth-chart.tsx";
import { RelativeTime } from "./relative-time.tsx";
import { ResponseTimeChart } from "./response-time-chart.tsx";
import { SelfServicePanel } from "./self-service-panel.tsx";
import { SlaClockTable } from "./sla-clock-table.tsx";
import { SlaEventFeed } from "./sla-event-feed.tsx";
import { SummaryCards } from "./summary-cards.tsx";
import { rangeProblem } from "./range-problem.ts";
import { useDashboardMetrics, type DashboardFilterState } from "./use-dashboard-metrics.ts";
import { useNow } from "./use-now.ts";
import { WebhookHealthPanel } from "./webhook-health-panel.tsx";

type Props = { user: SupervisorUser; teams: { id: string; name: string }[] };

function Dashboard({ teams }: { teams: Props["teams"] }) {
  // What the fields say, and the last of it that could be shown: a From after To is said at the
  // fields, not sent (the API would refuse it) while the figures stay those of the last good range.
  const [filters, setFilters] = useState<DashboardFilterState>({ from: "", to: "", teamId: "" });
  const [shown, setShown] = useState<DashboardFilterState>(filters);
  const problem = rangeProblem(filters);
  const choose = (next: DashboardFilterState) => {
    setFilters(next);
    if (!rangeProblem(next)) setShown(next);
  };
  const query = useDashboardMetrics(shown);
  const now = useNow();
  const metrics = query.data;

  return (
    <div className="mx-auto max-w-[1600px] space-y-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold text-slate-900">Supervisor dashboard</h1>
        {metrics ? (
          <p className="text-xs text-slate-500" data-testid="dashboard-updated" data-generated-at={metrics.generatedAt}>
            {metrics.range.from} to {metrics.range.to} ({metrics.range.timeZone}) · updated <RelativeTime iso={metrics.generatedAt} now={now} />
            {query.isFetching ? " · refreshing…" : ""}
          </p>
        ) : null}
      </div>
      <DashboardFilters filters={filters} shownFilters={shown} shownRange={metrics ? metrics.range : null} teams={teams} onChange={choose} />
      {problem ? (
        <p role="alert" data-testid="dashboard-range-problem" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900">
          {problem}
        </p>
      ) : null}
      {query.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
          {query.error.message}
        </p>
      ) : null}
      {!metrics ? (
        <p className="py-20 text-center text-sm text-slate-500">Loading the dashboard…</p>
      ) : (
        <>
          <SummaryCards metrics={metrics} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <ResponseTimeChart title="First response time" series={metrics.responseTimes.series} pick={(point) => point.firstResponse} overall={metrics.responseTimes.overall.firstResponse} color="#2f6fde" />
            <ResponseTimeChart title="Resolution time" series={metrics.responseTimes.series} pick={(point) => point.resolution} overall={metrics.responseTimes.overall.resolution} color="#0f9d76" />
          </div>
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <SlaClockTable title="Breached now" rows={metrics.clocks.breached} total={metrics.clocks.breachedCount} tone="breached" now={now} testId="sla-breached" />
            <SlaClockTable title="At risk" rows={metrics.clocks.atRisk} total={metrics.clocks.atRiskCount} tone="at-risk" now={now} testId="sla-at-risk" />
          </div>
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <ComplianceChart title="SLA met by agent" groups={metrics.compliance.byAgent} testId="sla-by-agent" />
            <ComplianceChart title="SLA met by team" groups={metrics.compliance.byTeam} testId="sla-by-team" />
          </div>
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <QueueDepthChart queue={metrics.queue} />
            <AgentLoadChart agents={metrics.agents} />
          </div>
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <CsatPanel csat={metrics.csat} />
            <WebhookHealthPanel health={metrics.webhooks} now={now} />
          </div>
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <SelfServicePanel selfService={metrics.selfService} />
          </div>
          <SlaEventFeed events={metrics.events} now={now} />
        </>
      )}
    </div>
  );
}

export function SupervisorDashboard({ user, teams }: Props) {
  return (
    <SupervisorShell user={user} active="dashboard">
      <Dashboard teams={teams} />
    </SupervisorShell>
  );
}
