"use client";

import { useState, type FormEvent } from "react";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import type { AssignmentConditions } from "@/lib/routing/assignment-rule-conditions.ts";
import type { AssignmentRuleDto } from "@/lib/routing/assignment-rule-dto.ts";
import type { RoutingOptions } from "@/lib/routing/list-routing-options.ts";
import { useSettingsAction } from "./use-mutation-state.ts";

const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

type Draft = {
  name: string;
  enabled: boolean;
  category: string;
  minOrderValue: string;
  maxOrderValue: string;
  tier: string;
  issueType: string;
  region: string;
  teamId: string;
  assigneeId: string;
  priority: string;
  makesWork: boolean;
};

const list = (text: string) =>
  text
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);

function draftOf(rule: AssignmentRuleDto | null): Draft {
  const conditions = (rule?.conditions ?? {}) as AssignmentConditions;
  return {
    name: rule?.name ?? "",
    enabled: rule?.enabled ?? true,
    category: conditions.category?.join(", ") ?? "",
    minOrderValue: conditions.minOrderValue?.toString() ?? "",
    maxOrderValue: conditions.maxOrderValue?.toString() ?? "",
    tier: conditions.tier ?? "",
    issueType: conditions.issueType?.join(", ") ?? "",
    region: conditions.region?.join(", ") ?? "",
    teamId: rule?.team?.id ?? "",
    assigneeId: rule?.assignee?.id ?? "",
    priority: rule?.priority ?? "",
    makesWork: rule?.makesWork ?? false,
  };
}

function bodyOf(draft: Draft) {
  const conditions: AssignmentConditions = {};
  if (list(draft.category).length) conditions.category = list(draft.category);
  if (draft.minOrderValue.trim()) conditions.minOrderValue = Number(draft.minOrderValue);
  if (draft.maxOrderValue.trim()) conditions.maxOrderValue = Number(draft.maxOrderValue);
  if (draft.tier) conditions.tier = draft.tier as AssignmentConditions["tier"];
  if (list(draft.issueType).length) conditions.issueType = list(draft.issueType);
  if (list(draft.region).length) conditions.region = list(draft.region);
  return {
    name: draft.name,
    enabled: draft.enabled,
    conditions,
    teamId: draft.teamId || null,
    assigneeId: draft.assigneeId || null,
    priority: draft.priority || null,
    makesWork: draft.makesWork,
  };
}

type Props = { rule: AssignmentRuleDto | null; options: RoutingOptions; onDone: () => void };

/** Create or edit one rule: criteria on the left, where the ticket goes on the right. */
export function RuleForm({ rule, options, onDone }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const { run, busy, error } = useSettingsAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = bodyOf(draft);
    const saved = await run(() =>
      rule ? supervisorApi(`/api/v1/assignment-rules/${rule.id}`, { method: "PATCH", body }) : supervisorApi("/api/v1/assignment-rules", { method: "POST", body }),
    );
    if (saved) onDone();
  }

  return (
    <form onSubmit={submit} aria-label={rule ? `Edit rule ${rule.name}` : "New rule"} className="space-y-4 rounded-lg border border-tern-100 bg-tern-50/40 p-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="block min-w-64 flex-1">
          <span className={labelClass}>Rule name</span>
          <input className={inputClass} value={draft.name} onChange={(event) => set("name", event.target.value)} required maxLength={100} placeholder="Refunds to Finance" />
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-[13px] text-slate-700">
          <input type="checkbox" checked={draft.enabled} onChange={(event) => set("enabled", event.target.checked)} /> Enabled
        </label>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <fieldset className="space-y-3">
          <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">When the ticket matches (all given)</legend>
          <label className="block">
            <span className={labelClass}>Product category (any of, comma-separated)</span>
            <input className={inputClass} value={draft.category} onChange={(event) => set("category", event.target.value)} placeholder="Shoes, Accessories" />
          </label>
          <div className="grid grid-cols-2 gap-3">
            <label className="block">
              <span className={labelClass}>Order value from</span>
              <input className={inputClass} type="number" min={0} step="0.01" value={draft.minOrderValue} onChange={(event) => set("minOrderValue", event.target.value)} />
            </label>
            <label className="block">
              <span className={labelClass}>Order value up to</span>
              <input className={inputClass} type="number" min={0} step="0.01" value={draft.maxOrderValue} onChange={(event) => set("maxOrderValue", event.target.value)} />
            </label>
          </div>
          <label className="block">
            <span className={labelClass}>Customer tier</span>
            <select className={inputClass} value={draft.tier} onChange={(event) => set("tier", event.target.value)}>
              <option value="">Any tier</option>
              <option value="VIP">VIP</option>
              <option value="STANDARD">Standard</option>
            </select>
          </label>
          <label className="block">
            <span className={labelClass}>Issue type: ticket category or tag (any of)</span>
            <input className={inputClass} value={draft.issueType} onChange={(event) => set("issueType", event.target.value)} placeholder="refund, return" />
          </label>
          <label className="block">
            <span className={labelClass}>Region: customer region or billing country (any of)</span>
            <input className={inputClass} value={draft.region} onChange={(event) => set("region", event.target.value)} placeholder="DE, AT, CH" />
          </label>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Route it to</legend>
          <label className="block">
            <span className={labelClass}>Team (its least-loaded available member gets it)</span>
            <select className={inputClass} value={draft.teamId} onChange={(event) => set("teamId", event.target.value)}>
              <option value="">No team</option>
              {options.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name} (level {team.level})
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className={labelClass}>Agent (falls back to the team when away or full)</span>
            <select className={inputClass} value={draft.assigneeId} onChange={(event) => set("assigneeId", event.target.value)}>
              <option value="">Nobody in particular</option>
              {options.agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className={labelClass}>Priority</span>
            <select className={inputClass} value={draft.priority} onChange={(event) => set("priority", event.target.value)}>
              <option value="">Keep the ticket&apos;s priority</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {priority.charAt(0) + priority.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-start gap-2 text-[13px] text-slate-800">
            <input type="checkbox" className="mt-0.5" checked={draft.makesWork} onChange={(event) => set("makesWork", event.target.checked)} />
            <span>
              Work at once
              <span className="block text-xs text-slate-600">An order ticket this rule matches is not only watched: it is routed and its SLA clock starts.</span>
            </span>
          </label>
          <p className="text-xs text-slate-600">A rule needs at least one of team, agent, priority or “work at once”. With no criteria it matches every ticket.</p>
        </fieldset>
      </div>
      {error ? (
        <p role="alert" className="text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {rule ? "Save rule" : "Add rule"}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
