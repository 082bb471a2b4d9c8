"use client";

import { useState, type FormEvent } from "react";
import { useSettingsAction } from "@/components/routing-settings/use-mutation-state.ts";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, cardClass, cardTitleClass, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import type { SlaHolidayDto } from "@/lib/sla/list-sla-holidays.ts";

export function HolidaySection({ holidays }: { holidays: SlaHolidayDto[] }) {
  const { run, busy, error } = useSettingsAction();
  const [draft, setDraft] = useState({ date: "", name: "" });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => supervisorApi("/api/v1/sla-holidays", { body: draft }))) setDraft({ date: "", name: "" });
  }
  return (
    <section className={cardClass} aria-labelledby="holidays-title">
      <h2 id="holidays-title" className={cardTitleClass}>
        Holidays
      </h2>
      <p className="text-xs text-slate-600">Business-hours clocks do not run on these days (in the policy&apos;s time zone).</p>
      <ul className="mt-3 divide-y divide-slate-100">
        {holidays.map((holiday) => (
          <li key={holiday.id} className="flex items-center justify-between py-1.5 text-[13px]">
            <span>
              <span className="font-medium tabular-nums text-slate-900">{holiday.date}</span> <span className="text-slate-700">{holiday.name}</span>
            </span>
            <button type="button" className={buttonClass.danger} disabled={busy} onClick={() => void run(() => supervisorApi(`/api/v1/sla-holidays/${holiday.id}`, { method: "DELETE" }))}>
              Remove
            </button>
          </li>
        ))}
        {holidays.length === 0 ? <li className="py-2 text-center text-[13px] text-slate-500">No holidays</li> : null}
      </ul>
      <form onSubmit={submit} aria-label="New holiday" className="mt-3 grid grid-cols-1 gap-2 border-t border-slate-100 pt-3">
        <label className="block">
          <span className={labelClass}>Date</span>
          <input className={inputClass} type="date" value={draft.date} onChange={(event) => setDraft({ ...draft, date: event.target.value })} required />
        </label>
        <label className="block">
          <span className={labelClass}>Name</span>
          <input className={inputClass} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} required maxLength={100} placeholder="New Year's Day" />
        </label>
        <button type="submit" className={`${buttonClass.secondary} justify-self-start`} disabled={busy}>
          Add holiday
        </button>
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
