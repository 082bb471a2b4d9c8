"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AgentLoad } from "@/lib/routing/list-agent-loads.ts";
import { ChartCard, EmptyChart } from "./chart-card.tsx";
import { legendText } from "./legend-text.tsx";

/** Open load against capacity per agent: the filled part is work, the pale part is room left. */
export function AgentLoadChart({ agents }: { agents: AgentLoad[] }) {
  const data = agents.map((agent) => ({
    name: agent.availability === "ONLINE" ? agent.name : `${agent.name} (${agent.availability.toLowerCase()})`,
    load: Math.min(agent.load, agent.capacity),
    over: Math.max(agent.load - agent.capacity, 0),
    free: Math.max(agent.capacity - agent.load, 0),
  }));
  return (
    <ChartCard title="Load per agent vs capacity" subtitle="open tickets" testId="agent-load">
      {data.length === 0 ? (
        <EmptyChart text="No agents yet" />
      ) : (
        <div style={{ height: Math.max(140, data.length * 36 + 50) }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
              <YAxis type="category" dataKey="name" tick={{ fontSize: 12, fill: "#334155" }} width={130} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
              <Bar dataKey="load" name="Open" stackId="capacity" fill="#2f6fde" isAnimationActive={false} />
              <Bar dataKey="over" name="Over capacity" stackId="capacity" fill="#dc2626" isAnimationActive={false} />
              <Bar dataKey="free" name="Room left" stackId="capacity" fill="#cfe0fb" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
