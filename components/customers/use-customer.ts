"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { CustomerInsight } from "@/lib/customers/customer-insight.ts";
import type { CustomerDetail } from "@/lib/customers/get-customer.ts";
import type { TimelinePage } from "@/lib/customers/timeline/timeline-entry.ts";

export const customerKeys = {
  detail: (id: string) => ["customers", "detail", id] as const,
  insight: (id: string) => ["customers", "insight", id] as const,
  timeline: (id: string, kinds: string) => ["customers", "timeline", id, kinds] as const,
};

export function useCustomer(customerId: string) {
  return useQuery({
    queryKey: customerKeys.detail(customerId),
    queryFn: ({ signal }) => apiFetch<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(customerId)}`, { signal }),
  });
}

export function useCustomerInsight(customerId: string) {
  return useQuery({
    queryKey: customerKeys.insight(customerId),
    queryFn: ({ signal }) => apiFetch<CustomerInsight>(`/api/v1/customers/${encodeURIComponent(customerId)}/insight`, { signal }),
  });
}

/** `kinds`: a comma list of timeline kinds, empty for all. */
export function useCustomerTimeline(customerId: string, kinds: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.timeline(customerId, kinds),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: "30" });
      if (kinds) query.set("kind", kinds);
      if (pageParam) query.set("cursor", pageParam);
      return apiFetch<TimelinePage>(`/api/v1/customers/${encodeURIComponent(customerId)}/timeline?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
