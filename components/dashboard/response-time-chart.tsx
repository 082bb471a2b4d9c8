"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ResponseTimePoint, TimeStats } from "@/lib/metrics/response-time-series.ts";
import { ChartCard, EmptyChart } from "./chart-card.tsx";
import { formatDuration } from "./format.ts";
import { legendText } from "./legend-text.tsx";

type Props = { title: string; series: ResponseTimePoint[]; pick: (point: ResponseTimePoint) => TimeStats; overall: TimeStats; color: string };

/** Median and 90th percentile per day, in minutes on the axis and readable durations in the tooltip. */
export function ResponseTimeChart({ title, series, pick, overall, color }: Props) {
  const data = series.map((point) => {
    const stats = pick(point);
    return { day: point.day.slice(5), median: stats.medianSeconds, p90: stats.p90Seconds, count: stats.count };
  });
  const subtitle = overall.count ? `median ${formatDuration(overall.medianSeconds)} · p90 ${formatDuration(overall.p90Seconds)} · ${overall.count} tickets` : undefined;
  return (
    <ChartCard title={title} subtitle={subtitle}>
      {overall.count === 0 ? (
        <EmptyChart text="No tickets in this range yet" />
      ) : (
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={{ fontSize: 11, fill: "#475569" }} />
              <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={(value: number) => formatDuration(value)} width={56} />
              <Tooltip formatter={(value) => formatDuration(typeof value === "number" ? value : null)} labelFormatter={(label) => `Day ${String(label)}`} />
              <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
              <Line type="monotone" dataKey="median" name="Median" stroke={color} strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
              <Line type="monotone" dataKey="p90" name="p90" stroke={color} strokeDasharray="5 4" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
