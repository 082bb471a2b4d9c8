"use client";

import { useId, useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { Dialog } from "@/components/ui/dialog.tsx";
import { fieldClass, labelClass } from "@/components/ui/styles.ts";
import type { TicketPage } from "@/lib/tickets/list-tickets.ts";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";
import type { TicketContext } from "@/lib/tickets/get-ticket-context.ts";

type Props = {
  open: boolean;
  onClose: () => void;
  ticketNumber: number;
  candidates: TicketContext["otherTickets"];
  onMerge: (targetTicketId: string) => void;
  pending: boolean;
};

/** Pick the ticket that stays: one of the customer's other open tickets, or any by number. */
export function MergeDialog({ open, onClose, ticketNumber, candidates, onMerge, pending }: Props) {
  const [choice, setChoice] = useState("");
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const numberId = useId();
  const mergeable = candidates.filter((ticket) => ticket.status !== "CLOSED");

  async function submit() {
    setError(null);
    if (choice) return onMerge(choice);
    const wanted = Number(number.replace(/^#/, ""));
    if (!Number.isInteger(wanted) || wanted <= 0) return setError("Choose a ticket or type its number.");
    try {
      const page = await apiFetch<TicketPage>(`/api/v1/tickets?q=${encodeURIComponent(`#${wanted}`)}&limit=10`);
      const target = page.items.find((ticket) => ticket.number === wanted);
      if (!target) return setError(`There is no ticket #${wanted}.`);
      onMerge(target.id);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Could not look the ticket up.");
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Merge #${ticketNumber} into another ticket`} description="Its messages and notes move to the ticket you pick; this one is closed with a link.">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="space-y-3"
      >
        {mergeable.length > 0 && (
          <fieldset>
            <legend className={labelClass}>The customer&apos;s other tickets</legend>
            <div className="max-h-48 space-y-1 overflow-y-auto">
              {mergeable.map((ticket) => (
                <label
                  key={ticket.id}
                  className={cx("flex cursor-pointer items-center gap-2 rounded border px-2 py-1.5 text-[13px]", choice === ticket.id ? "border-tern-500 bg-tern-50" : "border-slate-200")}
                >
                  <input
                    type="radio"
                    name="merge-target"
                    value={ticket.id}
                    checked={choice === ticket.id}
                    onChange={() => {
                      setChoice(ticket.id);
                      setNumber("");
                    }}
                  />
                  <span className="font-mono text-slate-500">#{ticket.number}</span>
                  <span className="min-w-0 flex-1 truncate">{ticket.subject}</span>
                  <span className="text-xs text-slate-500">{STATUS_LABELS[ticket.status]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div>
          <label htmlFor={numberId} className={labelClass}>
            {mergeable.length > 0 ? "Or a ticket number" : "Ticket number"}
          </label>
          <input
            id={numberId}
            inputMode="numeric"
            placeholder="#123"
            value={number}
            onChange={(event) => {
              setNumber(event.target.value);
              setChoice("");
            }}
            className={fieldClass}
          />
        </div>
        {error && (
          <p role="alert" className="rounded bg-red-50 px-2 py-1.5 text-[13px] text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || (!choice && !number)}>
            Merge
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
