"use client";

import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { cardClass, cardTitleClass, inputClass } from "@/components/supervisor/ui-classes.ts";
import type { AgentLoad } from "@/lib/routing/list-agent-loads.ts";
import { useSettingsAction } from "./use-mutation-state.ts";

const AVAILABILITIES = ["ONLINE", "AWAY", "OFFLINE"] as const;

/** Who routing can pick right now; a supervisor can set an agent's availability (e.g. after a shift). */
export function AgentAvailabilityTable({ agents }: { agents: AgentLoad[] }) {
  const { run, busy, error } = useSettingsAction();
  return (
    <section className={cardClass} aria-labelledby="agents-title">
      <h2 id="agents-title" className={cardTitleClass}>
        Agents
      </h2>
      <p className="text-xs text-slate-600">Only online agents under their capacity receive tickets. Capacity and teams are edited with the users.</p>
      {error ? (
        <p role="alert" className="mt-2 text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <table className="mt-3 w-full text-[13px]">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pb-1 font-medium">Agent</th>
            <th className="pb-1 font-medium">Team</th>
            <th className="pb-1 text-right font-medium">Load</th>
            <th className="pb-1 pl-3 font-medium">Availability</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id} className="border-t border-slate-100">
              <td className="py-1.5 text-slate-900">{agent.name}</td>
              <td className="py-1.5 text-slate-700">{agent.team ? `${agent.team.name}${agent.team.level > 1 ? " (L2)" : ""}` : "—"}</td>
              <td className="py-1.5 text-right tabular-nums text-slate-700">
                {agent.load} / {agent.capacity}
              </td>
              <td className="py-1.5 pl-3">
                <select
                  aria-label={`Availability of ${agent.name}`}
                  className={inputClass}
                  value={agent.availability}
                  disabled={busy}
                  onChange={(event) => void run(() => supervisorApi(`/api/v1/users/${agent.id}/availability`, { method: "PUT", body: { availability: event.target.value } }))}
                >
                  {AVAILABILITIES.map((availability) => (
                    <option key={availability} value={availability}>
                      {availability.toLowerCase()}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
