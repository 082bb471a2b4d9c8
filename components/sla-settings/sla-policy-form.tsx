"use client";

import { useState, type FormEvent } from "react";
import { useSettingsAction } from "@/components/routing-settings/use-mutation-state.ts";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import { WEEKDAYS } from "@/lib/ticket-lifecycle/business-hours.ts";
import type { SlaPolicyDto } from "@/lib/sla/sla-policy-dto.ts";
import { hoursDraft, hoursFromDraft, OFFICE_HOURS, type HoursDraft } from "./business-hours-text.ts";
import { DurationInput, durationDraft, durationSeconds, type DurationDraft } from "./duration-input.tsx";

const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
const DAY_LABEL = { sun: "Sunday", mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday" } as const;

type Draft = {
  name: string;
  priority: string;
  tier: string;
  firstResponse: DurationDraft;
  nextResponse: DurationDraft;
  resolution: DurationDraft;
  warnAtPercent: string;
  businessHoursOnly: boolean;
  timeZone: string;
  hours: HoursDraft;
};

function draftOf(policy: SlaPolicyDto | null): Draft {
  return {
    name: policy?.name ?? "",
    priority: policy?.priority ?? "",
    tier: policy?.tier ?? "",
    firstResponse: durationDraft(policy?.firstResponseSeconds ?? 3600),
    nextResponse: durationDraft(policy?.nextResponseSeconds),
    resolution: durationDraft(policy?.resolutionSeconds ?? 86_400),
    warnAtPercent: String(Math.round((policy?.warnAtShare ?? 0.8) * 100)),
    businessHoursOnly: Boolean(policy?.businessHours),
    timeZone: policy?.businessHours?.timeZone ?? "",
    hours: policy?.businessHours ? hoursDraft(policy.businessHours) : OFFICE_HOURS,
  };
}

export function SlaPolicyForm({ policy, storeTimeZone, onDone }: { policy: SlaPolicyDto | null; storeTimeZone: string; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const { run, busy, error } = useSettingsAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: draft.name,
      priority: draft.priority || null,
      tier: draft.tier || null,
      firstResponseSeconds: durationSeconds(draft.firstResponse),
      nextResponseSeconds: durationSeconds(draft.nextResponse),
      resolutionSeconds: durationSeconds(draft.resolution),
      warnAtShare: Number(draft.warnAtPercent) / 100,
      businessHours: draft.businessHoursOnly ? hoursFromDraft(draft.hours, draft.timeZone) : null,
    };
    const saved = await run(() => (policy ? supervisorApi(`/api/v1/sla-policies/${policy.id}`, { method: "PATCH", body }) : supervisorApi("/api/v1/sla-policies", { body })));
    if (saved) onDone();
  }

  return (
    <form onSubmit={submit} aria-label={policy ? `Edit policy ${policy.name}` : "New SLA policy"} className="space-y-4 rounded-lg border border-tern-100 bg-tern-50/40 p-4">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <label className="block">
          <span className={labelClass}>Policy name</span>
          <input className={inputClass} value={draft.name} onChange={(event) => set("name", event.target.value)} required maxLength={100} />
        </label>
        <label className="block">
          <span className={labelClass}>For priority</span>
          <select className={inputClass} value={draft.priority} onChange={(event) => set("priority", event.target.value)}>
            <option value="">Any priority</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority.charAt(0) + priority.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className={labelClass}>For customer tier</span>
          <select className={inputClass} value={draft.tier} onChange={(event) => set("tier", event.target.value)}>
            <option value="">Any tier</option>
            <option value="VIP">VIP</option>
            <option value="STANDARD">Standard</option>
          </select>
        </label>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <DurationInput label="First response within" value={draft.firstResponse} onChange={(value) => set("firstResponse", value)} required />
        <DurationInput label="Next response within" value={draft.nextResponse} onChange={(value) => set("nextResponse", value)} />
        <DurationInput label="Resolution within" value={draft.resolution} onChange={(value) => set("resolution", value)} required />
        <label className="block">
          <span className={labelClass}>Warn at (% of target used)</span>
          <input className={inputClass} type="number" min={5} max={99} value={draft.warnAtPercent} onChange={(event) => set("warnAtPercent", event.target.value)} required />
        </label>
      </div>
      <fieldset className="space-y-2">
        <label className="flex items-center gap-2 text-[13px] text-slate-800">
          <input type="checkbox" checked={draft.businessHoursOnly} onChange={(event) => set("businessHoursOnly", event.target.checked)} />
          Count business hours only (clocks stop outside them and on holidays)
        </label>
        {draft.businessHoursOnly ? (
          <div className="grid grid-cols-1 gap-2 rounded-md border border-slate-200 bg-white p-3 md:grid-cols-2">
            <label className="block md:col-span-2">
              <span className={labelClass}>Time zone</span>
              <input className={inputClass} value={draft.timeZone} onChange={(event) => set("timeZone", event.target.value)} placeholder={`the store's: ${storeTimeZone}`} />
            </label>
            {WEEKDAYS.map((day) => (
              <label key={day} className="flex items-center gap-2">
                <span className="w-24 text-xs font-medium text-slate-700">{DAY_LABEL[day]}</span>
                <input
                  className={inputClass}
                  value={draft.hours[day]}
                  onChange={(event) => set("hours", { ...draft.hours, [day]: event.target.value })}
                  placeholder="closed"
                  aria-label={`${DAY_LABEL[day]} hours`}
                />
              </label>
            ))}
            <p className="text-xs text-slate-600 md:col-span-2">Hours as 09:00-17:00; several per day separated by commas (09:00-12:00, 13:00-17:00).</p>
          </div>
        ) : null}
      </fieldset>
      {error ? (
        <p role="alert" className="text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {policy ? "Save policy" : "Add policy"}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
