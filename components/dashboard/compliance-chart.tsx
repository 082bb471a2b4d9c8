"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ComplianceGroup } from "@/lib/metrics/sla-compliance.ts";
import { ChartCard, EmptyChart } from "./chart-card.tsx";
import { legendText } from "./legend-text.tsx";

// A 0% bar has no length: the label still says it; a group with no outcome for this clock shows nothing.
function percentLabel(value: unknown): string {
  return typeof value === "number" ? `${value}%` : "";
}

/** % of SLA targets met per agent or team, first response and resolution side by side. */
export function ComplianceChart({ title, groups, testId }: { title: string; groups: ComplianceGroup[]; testId: string }) {
  const data = groups.map((group) => ({
    name: group.name,
    firstResponse: group.firstResponse.percentMet,
    resolution: group.resolution.percentMet,
    detail: `${group.overall.met} met · ${group.overall.missed} missed`,
  }));
  return (
    <ChartCard title={title} subtitle="% of targets met" testId={testId}>
      {data.length === 0 ? (
        <EmptyChart text="No SLA outcomes in this range yet" />
      ) : (
        <div style={{ height: Math.max(140, data.length * 44 + 50) }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 44, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} tick={{ fontSize: 11, fill: "#475569" }} unit="%" />
              <YAxis type="category" dataKey="name" tick={{ fontSize: 12, fill: "#334155" }} width={110} />
              <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "no outcome")} />
              <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
              <Bar dataKey="firstResponse" name="First response" fill="#2f6fde" radius={[0, 3, 3, 0]} isAnimationActive={false}>
                <LabelList dataKey="firstResponse" position="right" formatter={percentLabel} style={{ fontSize: 11, fill: "#334155" }} />
              </Bar>
              <Bar dataKey="resolution" name="Resolution" fill="#0f9d76" radius={[0, 3, 3, 0]} isAnimationActive={false}>
                <LabelList dataKey="resolution" position="right" formatter={percentLabel} style={{ fontSize: 11, fill: "#334155" }} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
