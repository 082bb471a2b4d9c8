"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { focusRing } from "@/components/ui/styles.ts";
import { TIMELINE_FILTERS } from "./timeline-filters.ts";
import { TimelineItem } from "./timeline-item.tsx";
import { useCustomerTimeline } from "./use-customer.ts";

/** The customer's one timeline, newest first, a page at a time, filtered by kind. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const [filterId, setFilterId] = useState("all");
  const filter = TIMELINE_FILTERS.find((entry) => entry.id === filterId) ?? TIMELINE_FILTERS[0]!;
  const query = useCustomerTimeline(customerId, filter.kinds.join(","));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="timeline-heading" className="min-w-0">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-sm font-semibold text-slate-900">
          Timeline
        </h2>
        <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
          {TIMELINE_FILTERS.map((entry) => (
            <button
              key={entry.id}
              type="button"
              aria-pressed={entry.id === filter.id}
              onClick={() => setFilterId(entry.id)}
              className={cx(
                "h-7 rounded-full border px-2.5 text-xs font-medium",
                focusRing,
                entry.id === filter.id ? "border-tern-600 bg-tern-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {entry.label}
            </button>
          ))}
        </div>
      </div>
      {query.isPending ? (
        <p className="text-xs text-slate-600">Loading the timeline…</p>
      ) : query.error ? (
        <p role="alert" className="text-xs text-red-700">
          {query.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="text-xs text-slate-600">Nothing here yet.</p>
      ) : (
        <>
          <ol aria-label="Timeline entries">
            {items.map((entry) => (
              <TimelineItem key={entry.id} entry={entry} />
            ))}
          </ol>
          {query.hasNextPage && (
            <Button size="md" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? "Loading…" : "Show older"}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
