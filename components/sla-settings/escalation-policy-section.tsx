"use client";

import { useState, type FormEvent } from "react";
import { useSettingsAction } from "@/components/routing-settings/use-mutation-state.ts";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, cardClass, cardTitleClass, cx, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import type { RoutingOptions } from "@/lib/routing/list-routing-options.ts";
import type { EscalationPolicyDto } from "@/lib/sla/escalation-policy-dto.ts";

function thresholdText(share: number): string {
  if (share === 1) return "at the breach";
  return share < 1 ? `at ${Math.round(share * 100)}% of the target` : `${Math.round((share - 1) * 100)}% of the target past the breach`;
}

function NewEscalationForm({ teams }: { teams: RoutingOptions["teams"] }) {
  const { run, busy, error } = useSettingsAction();
  const [draft, setDraft] = useState({ name: "", category: "", thresholdPercent: "100", targetTeamId: teams.find((team) => team.level > 1)?.id ?? "" });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name: draft.name, category: draft.category.trim() || null, thresholdShare: Number(draft.thresholdPercent) / 100, targetTeamId: draft.targetTeamId || null };
    if (await run(() => supervisorApi("/api/v1/escalation-policies", { body }))) setDraft({ ...draft, name: "", category: "" });
  }
  return (
    <form onSubmit={submit} aria-label="New escalation policy" className="mt-3 grid grid-cols-1 items-end gap-3 border-t border-slate-100 pt-3 md:grid-cols-2">
      <label className="block">
        <span className={labelClass}>Name</span>
        <input className={inputClass} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} required maxLength={100} />
      </label>
      <label className="block">
        <span className={labelClass}>Ticket category</span>
        <input className={inputClass} value={draft.category} onChange={(event) => setDraft({ ...draft, category: event.target.value })} placeholder="any category" />
      </label>
      <label className="block">
        <span className={labelClass}>Escalate at (% of target)</span>
        <input className={inputClass} type="number" min={10} max={1000} value={draft.thresholdPercent} onChange={(event) => setDraft({ ...draft, thresholdPercent: event.target.value })} required />
      </label>
      <label className="block">
        <span className={labelClass}>To team</span>
        <select className={inputClass} value={draft.targetTeamId} onChange={(event) => setDraft({ ...draft, targetTeamId: event.target.value })}>
          <option value="">The level-2 team</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name} (level {team.level})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={`${buttonClass.primary} justify-self-start md:col-span-2`} disabled={busy}>
        Add escalation
      </button>
      {error ? (
        <p role="alert" className="text-[13px] text-red-700 md:col-span-2">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function EscalationPolicySection({ policies, teams }: { policies: EscalationPolicyDto[]; teams: RoutingOptions["teams"] }) {
  const { run, busy, error } = useSettingsAction();
  const teamName = (id: string | null) => (id ? (teams.find((team) => team.id === id)?.name ?? "a removed team") : "the level-2 team");
  return (
    <section className={cardClass} aria-labelledby="escalation-title">
      <h2 id="escalation-title" className={cardTitleClass}>
        Escalation policies
      </h2>
      <p className="text-xs text-slate-600">
        When a running clock passes the threshold, the ticket becomes Escalated and goes to the team&apos;s least-loaded available member (or its queue). A policy for the
        ticket&apos;s category wins over one for any category.
      </p>
      {error ? (
        <p role="alert" className="mt-2 text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="mt-3 space-y-2">
        {policies.map((policy) => (
          <li key={policy.id} className={cx("flex items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-[13px]", !policy.enabled && "opacity-60")}>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">{policy.name}</p>
              <p className="text-xs text-slate-600">
                {policy.category ? `Category “${policy.category}”` : "Any category"}: escalate {thresholdText(policy.thresholdShare)} to {teamName(policy.targetTeamId)}
              </p>
            </div>
            <label className="flex items-center gap-1.5 text-xs text-slate-700">
              <input
                type="checkbox"
                checked={policy.enabled}
                disabled={busy}
                onChange={(event) => void run(() => supervisorApi(`/api/v1/escalation-policies/${policy.id}`, { method: "PATCH", body: { enabled: event.target.checked } }))}
              />
              enabled
            </label>
            <button
              type="button"
              className={buttonClass.danger}
              disabled={busy}
              onClick={() => {
                if (window.confirm(`Delete the escalation policy “${policy.name}”?`)) void run(() => supervisorApi(`/api/v1/escalation-policies/${policy.id}`, { method: "DELETE" }));
              }}
            >
              Delete
            </button>
          </li>
        ))}
        {policies.length === 0 ? <li className="py-2 text-center text-[13px] text-slate-500">No escalation policies: breaches are recorded, nothing is escalated.</li> : null}
      </ul>
      <NewEscalationForm teams={teams} />
    </section>
  );
}
