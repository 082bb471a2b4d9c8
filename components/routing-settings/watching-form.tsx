"use client";

import { useState, type FormEvent } from "react";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { cardClass, cardTitleClass } from "@/components/supervisor/ui-classes.ts";
import { ORDER_STATUS_NAMES } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { RoutingSettingsValues } from "@/lib/routing/load-routing-settings.ts";
import { SaveFooter } from "./save-footer.tsx";
import { useSettingsAction } from "./use-mutation-state.ts";

const STATUSES = Object.entries(ORDER_STATUS_NAMES).map(([id, name]) => ({ id: Number(id), name }));

/**
 * What counts as work (lib/ticket-lifecycle/work.ts): whether new order tickets are only watched,
 * and which order statuses need a person. A customer message, a refund or return, an agent taking
 * the ticket, and rules marked "work at once" always do.
 */
export function WatchingForm({ settings }: { settings: RoutingSettingsValues }) {
  const [watch, setWatch] = useState(settings.watchOrderTickets);
  const [statuses, setStatuses] = useState<number[]>(settings.workOrderStatusIds);
  const { run, busy, error } = useSettingsAction();
  const [saved, setSaved] = useState(false);

  function toggle(id: number, on: boolean) {
    setStatuses((current) => (on ? [...current, id].sort((a, b) => a - b) : current.filter((other) => other !== id)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await run(() => supervisorApi("/api/v1/routing-settings", { method: "PATCH", body: { watchOrderTickets: watch, workOrderStatusIds: statuses } }));
    setSaved(ok);
  }

  return (
    <section className={cardClass} aria-labelledby="watching-title">
      <h2 id="watching-title" className={cardTitleClass}>
        What counts as work
      </h2>
      <form onSubmit={submit} className="mt-3 space-y-3" aria-label="What counts as work">
        <label className="flex items-start gap-2 text-[13px] text-slate-800">
          <input type="checkbox" className="mt-0.5" checked={watch} onChange={(event) => setWatch(event.target.checked)} />
          <span>
            Watch new order tickets until they need a person
            <span className="block text-xs text-slate-600">
              A watched order ticket takes no agent and has no SLA clock; it is listed under Watching, not Open. It becomes work when the customer writes, a
              refund or return comes, an agent takes it, a rule marked “work at once” matches, or the order reaches one of the statuses below. A change applies
              from now on: tickets already watched stay under Watching until one of these happens.
            </span>
          </span>
        </label>
        <fieldset disabled={!watch}>
          <legend className="text-xs font-medium text-slate-700">Order statuses that need a person</legend>
          <div className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1">
            {STATUSES.map((status) => (
              <label key={status.id} className="flex items-center gap-2 text-[13px] text-slate-800">
                <input type="checkbox" checked={statuses.includes(status.id)} onChange={(event) => toggle(status.id, event.target.checked)} />
                {status.name}
              </label>
            ))}
          </div>
        </fieldset>
        <SaveFooter error={error} busy={busy} saved={saved} />
      </form>
    </section>
  );
}
