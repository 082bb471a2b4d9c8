"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { QueueDepth } from "@/lib/metrics/queue-depth.ts";
import { ChartCard } from "./chart-card.tsx";
import { titleCase } from "./format.ts";

export function QueueDepthChart({ queue }: { queue: QueueDepth }) {
  const data = queue.byStatus.map((entry) => ({ status: titleCase(entry.status), count: entry.count }));
  return (
    <ChartCard title="Queue depth by status" subtitle={`${queue.open} open · ${queue.unassigned} unassigned · ${queue.watching} watched`} testId="queue-depth">
      <div className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 56, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="status" tick={{ fontSize: 10, fill: "#475569" }} angle={-35} textAnchor="end" interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
            <Tooltip />
            <Bar dataKey="count" name="Tickets" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
