"use client";

import { useState, type FormEvent } from "react";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { cardClass, cardTitleClass, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import type { RoutingSettingsValues } from "@/lib/routing/load-routing-settings.ts";
import { SaveFooter } from "./save-footer.tsx";
import { useSettingsAction } from "./use-mutation-state.ts";

export function RoutingOptionsForm({ settings }: { settings: RoutingSettingsValues }) {
  const [autoAssign, setAutoAssign] = useState(settings.autoAssign);
  const [requeue, setRequeue] = useState(settings.requeueOnUnavailable);
  const [timeoutMinutes, setTimeoutMinutes] = useState(settings.assignmentTimeoutSeconds ? String(settings.assignmentTimeoutSeconds / 60) : "");
  const { run, busy, error } = useSettingsAction();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const minutes = timeoutMinutes.trim() ? Number(timeoutMinutes) : null;
    const ok = await run(() =>
      supervisorApi("/api/v1/routing-settings", {
        method: "PATCH",
        body: { autoAssign, requeueOnUnavailable: requeue, assignmentTimeoutSeconds: minutes === null ? null : Math.round(minutes * 60) },
      }),
    );
    setSaved(ok);
  }

  return (
    <section className={cardClass} aria-labelledby="routing-options-title">
      <h2 id="routing-options-title" className={cardTitleClass}>
        Distribution
      </h2>
      <form onSubmit={submit} className="mt-3 space-y-3" aria-label="Routing settings">
        <label className="flex items-start gap-2 text-[13px] text-slate-800">
          <input type="checkbox" className="mt-0.5" checked={autoAssign} onChange={(event) => setAutoAssign(event.target.checked)} />
          <span>
            Assign automatically
            <span className="block text-xs text-slate-600">The available agent with the lowest open load under their capacity gets the next ticket, most urgent and oldest first.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-[13px] text-slate-800">
          <input type="checkbox" className="mt-0.5" checked={requeue} onChange={(event) => setRequeue(event.target.checked)} />
          <span>
            Re-queue when an agent goes away or offline
            <span className="block text-xs text-slate-600">Tickets assigned to them but not started go to someone else.</span>
          </span>
        </label>
        <label className="block max-w-xs">
          <span className={labelClass}>Re-queue if the agent has not replied within (minutes)</span>
          <input className={inputClass} type="number" min={0.5} step="0.5" value={timeoutMinutes} onChange={(event) => setTimeoutMinutes(event.target.value)} placeholder="never" />
        </label>
        <SaveFooter error={error} busy={busy} saved={saved} />
      </form>
    </section>
  );
}
