"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "@/components/realtime/socket-client.ts";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import type { DashboardMetrics } from "@/lib/metrics/get-dashboard-metrics.ts";

export type DashboardFilterState = { from: string; to: string; teamId: string };

const KEY = "dashboard-metrics";
// Busy stores send many ticket events: coalesce them into at most one reload a second.
const COALESCE_MS = 1000;

export function dashboardQueryString(filters: DashboardFilterState): string {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.teamId) params.set("teamId", filters.teamId);
  return params.toString();
}

/** The dashboard's figures, reloaded whenever the store's sockets report a ticket change or an SLA event. */
export function useDashboardMetrics(filters: DashboardFilterState) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [KEY, filters],
    queryFn: async () => (await supervisorApi<{ metrics: DashboardMetrics }>(`/api/v1/metrics/dashboard?${dashboardQueryString(filters)}`)).metrics,
    placeholderData: keepPreviousData,
    // Clocks move on their own: a slow poll catches at-risk changes no event announced.
    refetchInterval: 30_000,
    staleTime: 0,
  });

  useEffect(() => {
    const socket = getSocket();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: [KEY] });
      }, COALESCE_MS);
    };
    socket.on("sla:event", refresh);
    socket.on("metrics:changed", refresh);
    socket.on("ticket:created", refresh);
    socket.on("ticket:updated", refresh);
    socket.io.on("reconnect", refresh);
    return () => {
      if (timer) clearTimeout(timer);
      socket.off("sla:event", refresh);
      socket.off("metrics:changed", refresh);
      socket.off("ticket:created", refresh);
      socket.off("ticket:updated", refresh);
      socket.io.off("reconnect", refresh);
    };
  }, [queryClient]);

  return query;
}
