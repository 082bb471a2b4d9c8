"use client";

import { useState } from "react";
import { formatDuration } from "@/components/dashboard/format.ts";
import { useSettingsAction } from "@/components/routing-settings/use-mutation-state.ts";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, cardClass, cardTitleClass } from "@/components/supervisor/ui-classes.ts";
import type { SlaPolicyDto } from "@/lib/sla/sla-policy-dto.ts";
import { SlaPolicyForm } from "./sla-policy-form.tsx";

function appliesTo(policy: SlaPolicyDto): string {
  const priority = policy.priority ? `${policy.priority.toLowerCase()} priority` : "any priority";
  const tier = policy.tier ? `${policy.tier === "VIP" ? "VIP" : "standard"} customers` : "any customer";
  return `${priority}, ${tier}`;
}

export function SlaPolicyList({ policies, storeTimeZone }: { policies: SlaPolicyDto[]; storeTimeZone: string }) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const { run, busy, error } = useSettingsAction();
  return (
    <section className={cardClass} aria-labelledby="sla-policies-title">
      <div className="mb-3 flex items-center justify-between">
        <div>
          <h2 id="sla-policies-title" className={cardTitleClass}>
            SLA policies
          </h2>
          <p className="text-xs text-slate-600">
            The most specific policy for a ticket&apos;s priority and customer tier applies (priority beats tier). Without one: 1 hour to answer, 24 hours to resolve.
            Changes apply to new tickets and to priority changes.
          </p>
        </div>
        <button type="button" className={buttonClass.primary} onClick={() => setEditing("new")} disabled={editing !== null}>
          New policy
        </button>
      </div>
      {error ? (
        <p role="alert" className="mb-2 text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      {editing === "new" ? <SlaPolicyForm policy={null} storeTimeZone={storeTimeZone} onDone={() => setEditing(null)} /> : null}
      <table className="mt-2 w-full text-[13px]">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pb-1 font-medium">Policy</th>
            <th className="pb-1 font-medium">Applies to</th>
            <th className="pb-1 font-medium">First response</th>
            <th className="pb-1 font-medium">Next response</th>
            <th className="pb-1 font-medium">Resolution</th>
            <th className="pb-1 font-medium">Warn at</th>
            <th className="pb-1 font-medium">Hours</th>
            <th className="pb-1" />
          </tr>
        </thead>
        <tbody>
          {policies.map((policy) =>
            editing === policy.id ? (
              <tr key={policy.id}>
                <td colSpan={8} className="py-2">
                  <SlaPolicyForm policy={policy} storeTimeZone={storeTimeZone} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={policy.id} className="border-t border-slate-100" data-policy-name={policy.name}>
                <td className="py-1.5 font-medium text-slate-900">{policy.name}</td>
                <td className="py-1.5 text-slate-700">{appliesTo(policy)}</td>
                <td className="py-1.5 tabular-nums text-slate-700">{formatDuration(policy.firstResponseSeconds)}</td>
                <td className="py-1.5 tabular-nums text-slate-700">{formatDuration(policy.nextResponseSeconds)}</td>
                <td className="py-1.5 tabular-nums text-slate-700">{formatDuration(policy.resolutionSeconds)}</td>
                <td className="py-1.5 tabular-nums text-slate-700">{Math.round(policy.warnAtShare * 100)}%</td>
                <td className="py-1.5 text-slate-700">{policy.businessHours ? `business (${policy.businessHours.timeZone ?? storeTimeZone})` : "24/7"}</td>
                <td className="py-1.5 text-right">
                  <span className="inline-flex gap-1">
                    <button type="button" className={buttonClass.small} disabled={editing !== null} onClick={() => setEditing(policy.id)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className={buttonClass.danger}
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(`Delete the policy “${policy.name}”?`)) void run(() => supervisorApi(`/api/v1/sla-policies/${policy.id}`, { method: "DELETE" }));
                      }}
                    >
                      Delete
                    </button>
                  </span>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {policies.length === 0 && editing !== "new" ? <p className="py-4 text-center text-[13px] text-slate-500">No policies: every ticket gets the default targets.</p> : null}
    </section>
  );
}
