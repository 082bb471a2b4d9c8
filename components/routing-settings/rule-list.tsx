"use client";

import { useState } from "react";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, cardClass, cardTitleClass, cx } from "@/components/supervisor/ui-classes.ts";
import type { AssignmentRuleDto } from "@/lib/routing/assignment-rule-dto.ts";
import type { RoutingOptions } from "@/lib/routing/list-routing-options.ts";
import { describeActions, describeConditions } from "./describe-rule.ts";
import { RuleForm } from "./rule-form.tsx";
import { useSettingsAction } from "./use-mutation-state.ts";

/** The ordered rules: routing tries them top to bottom and applies the first that matches. */
export function RuleList({ rules, options }: { rules: AssignmentRuleDto[]; options: RoutingOptions }) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const { run, busy, error } = useSettingsAction();

  const move = (index: number, step: number) => {
    const ids = rules.map((rule) => rule.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + step, 0, moved!);
    void run(() => supervisorApi("/api/v1/assignment-rules/order", { method: "PUT", body: { ids } }));
  };

  return (
    <section className={cardClass} aria-labelledby="rules-title">
      <div className="mb-3 flex items-center justify-between">
        <div>
          <h2 id="rules-title" className={cardTitleClass}>
            Assignment rules
          </h2>
          <p className="text-xs text-slate-600">Tried in order when a ticket arrives; the first match sets its team, agent and priority.</p>
        </div>
        <button type="button" className={buttonClass.primary} onClick={() => setEditing("new")} disabled={editing !== null}>
          New rule
        </button>
      </div>
      {error ? (
        <p role="alert" className="mb-2 text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      {editing === "new" ? <RuleForm rule={null} options={options} onDone={() => setEditing(null)} /> : null}
      {rules.length === 0 && editing !== "new" ? <p className="py-6 text-center text-[13px] text-slate-500">No rules: every ticket goes to the least-loaded available agent.</p> : null}
      <ol className="mt-2 space-y-2">
        {rules.map((rule, index) =>
          editing === rule.id ? (
            <li key={rule.id}>
              <RuleForm rule={rule} options={options} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={rule.id} data-rule-name={rule.name} className={cx("flex items-center gap-3 rounded-md border border-slate-200 px-3 py-2", !rule.enabled && "opacity-60")}>
              <span className="w-6 text-center text-xs font-semibold tabular-nums text-slate-500">{index + 1}</span>
              <div className="min-w-0 flex-1">
                <p className="text-[13px] font-medium text-slate-900">
                  {rule.name}
                  {!rule.enabled ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-[11px] font-normal text-slate-600">disabled</span> : null}
                  {!rule.valid ? <span className="ml-2 rounded bg-red-50 px-1.5 text-[11px] font-normal text-red-700">invalid criteria: matches nothing</span> : null}
                </p>
                <p className="truncate text-xs text-slate-600">
                  When {describeConditions(rule.conditions)} → {describeActions(rule)}
                </p>
              </div>
              <div className="flex shrink-0 gap-1">
                <button type="button" className={buttonClass.small} aria-label={`Move ${rule.name} up`} disabled={busy || index === 0} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" className={buttonClass.small} aria-label={`Move ${rule.name} down`} disabled={busy || index === rules.length - 1} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button type="button" className={buttonClass.small} disabled={busy || editing !== null} onClick={() => setEditing(rule.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className={buttonClass.danger}
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(`Delete the rule “${rule.name}”?`)) void run(() => supervisorApi(`/api/v1/assignment-rules/${rule.id}`, { method: "DELETE" }));
                  }}
                >
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
