import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { listAgentLoads, type AgentLoad } from "@/lib/routing/list-agent-loads.ts";
import { csatSummary, type CsatSummary } from "./csat-summary.ts";
import { currentSlaClocks, type CurrentSlaClocks } from "./current-sla-clocks.ts";
import { resolveMetricsRange, type MetricsRange } from "./metrics-range.ts";
import { queueDepth, type QueueDepth } from "./queue-depth.ts";
import { recentSlaEvents, type SlaEventRow } from "./recent-sla-events.ts";
import { selfServiceSummary, type SelfServiceSummary } from "./self-service-summary.ts";
import { responseTimeSeries, type ResponseTimes } from "./response-time-series.ts";
import { slaCompliance, type SlaCompliance } from "./sla-compliance.ts";
import { webhookHealth, type WebhookHealth } from "./webhook-health.ts";

export type DashboardFilters = { from?: string; to?: string; teamId?: string };

export type DashboardMetrics = {
  range: Omit<MetricsRange, "start" | "end" | "days"> & { start: string; end: string };
  teamId: string | null;
  generatedAt: string;
  responseTimes: ResponseTimes;
  compliance: SlaCompliance;
  clocks: CurrentSlaClocks;
  queue: QueueDepth;
  agents: AgentLoad[];
  webhooks: WebhookHealth;
  csat: CsatSummary;
  selfService: SelfServiceSummary;
  events: SlaEventRow[];
};

/** Everything the supervisor dashboard shows, for a date range and optionally one team. */
export async function getDashboardMetrics(db: Db, input: { storeId: string; filters: DashboardFilters; now?: Date }): Promise<DashboardMetrics> {
  const { storeId, filters } = input;
  const now = input.now ?? new Date();
  const store = await db.store.findFirst({ where: { id: storeId }, select: { timeZone: true } });
  if (!store) throw new AppError("NOT_FOUND", "Store not found");
  const teamId = filters.teamId ?? null;
  if (teamId && !(isUuid(teamId) && (await db.team.findFirst({ where: { id: teamId, storeId }, select: { id: true } })))) {
    throw new AppError("NOT_FOUND", "Team not found");
  }
  const range = resolveMetricsRange(filters, store.timeZone, now);
  const scope = { storeId, range, teamId };
  // Independent reads: side by side on the pool.
  const [responseTimes, compliance, clocks, queue, agents, webhooks, csat, selfService, events] = await Promise.all([
    responseTimeSeries(db, scope),
    slaCompliance(db, scope),
    currentSlaClocks(db, { storeId, now, teamId }),
    queueDepth(db, { storeId, teamId }),
    listAgentLoads(db, { storeId, teamId }),
    webhookHealth(db, { ...scope, now }),
    csatSummary(db, scope),
    selfServiceSummary(db, scope),
    recentSlaEvents(db, scope),
  ]);
  return {
    range: { from: range.from, to: range.to, timeZone: range.timeZone, start: range.start.toISOString(), end: range.end.toISOString() },
    teamId,
    generatedAt: now.toISOString(),
    responseTimes,
    compliance,
    clocks,
    queue,
    agents,
    webhooks,
    csat,
    selfService,
    events,
  };
}
