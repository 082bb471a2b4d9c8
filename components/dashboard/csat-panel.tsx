"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CsatSummary } from "@/lib/metrics/csat-summary.ts";
import { ChartCard, EmptyChart } from "./chart-card.tsx";

const SCORE_COLORS = ["#dc2626", "#f97316", "#eab308", "#84cc16", "#16a34a"];

export function CsatPanel({ csat }: { csat: CsatSummary }) {
  const subtitle = csat.responses
    ? `average ${csat.average} / 5 · ${csat.responses} answers${csat.responseRate !== null ? ` · ${Math.round(csat.responseRate * 100)}% of resolved` : ""}`
    : undefined;
  return (
    <ChartCard title="Customer satisfaction" subtitle={subtitle} testId="csat">
      {csat.responses === 0 ? (
        <EmptyChart text="No ratings in this range yet" />
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <div className="h-44">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={csat.distribution.map((entry) => ({ score: `${entry.score}★`, count: entry.count }))} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
                <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="score" tick={{ fontSize: 11, fill: "#475569" }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
                <Tooltip />
                <Bar dataKey="count" name="Answers" isAnimationActive={false} radius={[3, 3, 0, 0]} fill={SCORE_COLORS[4]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="w-full text-[13px]">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="pb-1 font-medium">Agent</th>
                <th className="pb-1 text-right font-medium">Answers</th>
                <th className="pb-1 text-right font-medium">Average</th>
              </tr>
            </thead>
            <tbody>
              {csat.byAgent.map((agent) => (
                <tr key={agent.id ?? "none"} className="border-t border-slate-100">
                  <td className="py-1 text-slate-800">{agent.name}</td>
                  <td className="py-1 text-right tabular-nums text-slate-700">{agent.responses}</td>
                  <td className="py-1 text-right tabular-nums font-medium text-slate-900">{agent.average}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
