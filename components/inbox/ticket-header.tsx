"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { ArrowUpIcon, ChevronDownIcon, HandIcon, MergeIcon } from "@/components/ui/icons.tsx";
import { focusRing, selectClass } from "@/components/ui/styles.ts";
import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import type { PresenceEntry } from "@/lib/realtime/events.ts";
import type { TicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";
import { nextStatuses } from "@/lib/ticket-lifecycle/status-machine.ts";
import type { TicketDto } from "@/lib/tickets/ticket-dto.ts";
import { EscalateDialog } from "./escalate-dialog.tsx";
import { MergeDialog } from "./merge-dialog.tsx";
import { PresenceBar } from "./presence-bar.tsx";
import { SlaBadge } from "./sla-badge.tsx";
import { SnoozeMenu } from "./snooze-menu.tsx";
import { PRIORITIES, PRIORITY_LABELS } from "./status-styles.ts";
import { useTeams, useUsers } from "./use-directory.ts";
import type { TicketAction } from "./use-ticket-actions.ts";

type Props = {
  ticket: TicketDto;
  userId: string;
  others: PresenceEntry[];
  context: TicketContext | undefined;
  act: (action: TicketAction) => void;
  pending: boolean;
};

function Property({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-0.5 block text-[11px] font-medium text-slate-500">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/** The ticket's title, who else is here, its properties and the actions on it. */
export function TicketHeader({ ticket, userId, others, context, act, pending }: Props) {
  const users = useUsers();
  const teams = useTeams();
  const [dialog, setDialog] = useState<"escalate" | "merge" | null>(null);
  // A phone folds the four properties away: they would take a third of the thread's height.
  const [showProperties, setShowProperties] = useState(false);
  const propertiesId = useId();
  const closed = ticket.status === "CLOSED";
  const statuses = [ticket.status, ...nextStatuses(ticket.status, { hasAssignee: ticket.assignee !== null })];

  return (
    <header className="border-b border-slate-200 bg-white px-5 pb-2.5 pt-3 max-md:px-3">
      {/* Where the ticket is narrow (phones, tablets) the actions go under the title rather than squeeze it. */}
      <div className="flex items-start gap-3 max-lg:flex-wrap max-lg:gap-y-2">
        <div className="min-w-0 flex-1 max-lg:basis-52">
          <h2 className="truncate text-[15px] font-semibold leading-6 text-slate-900" title={ticket.subject}>
            {ticket.subject}
          </h2>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
            <span className="font-mono">#{ticket.number}</span>
            {ticket.bigcommerceOrderId && <span>Order {ticket.bigcommerceOrderId}</span>}
            {ticket.tags.map((tag) => (
              <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-700">
                {tag}
              </span>
            ))}
            <SlaBadge ticket={ticket} />
            {ticket.watched && (
              <span
                data-testid="ticket-watched"
                className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700"
                title="Nothing has asked a person about this order yet: no agent, no SLA clock. Claiming or replying makes it work."
              >
                Watching: not work yet
              </span>
            )}
            <PresenceBar others={others} />
          </p>
        </div>
        {/* On a phone the row may be the screen's width to the pixel (Claim shows while no one has the ticket): it wraps instead. */}
        <div className="flex shrink-0 items-center gap-1.5 max-lg:min-w-0 max-lg:shrink max-lg:flex-wrap">
          {!ticket.assignee && !closed && ticket.status !== "RESOLVED" && (
            <Button size="sm" variant="primary" disabled={pending} onClick={() => act({ type: "claim" })} title="Claim (c)">
              <HandIcon size={14} /> Claim
            </Button>
          )}
          <SnoozeMenu snoozedUntil={ticket.snoozedUntil} disabled={closed || ticket.status === "RESOLVED" || pending} onSnooze={(until) => act({ type: "snooze", until })} />
          <Button size="sm" disabled={closed || ticket.status === "ESCALATED" || pending} onClick={() => setDialog("escalate")}>
            <ArrowUpIcon size={14} /> Escalate
          </Button>
          <Button size="sm" disabled={closed || pending} onClick={() => setDialog("merge")}>
            <MergeIcon size={14} /> Merge
          </Button>
        </div>
      </div>

      <button
        type="button"
        aria-expanded={showProperties}
        aria-controls={propertiesId}
        onClick={() => setShowProperties((shown) => !shown)}
        className={cx("mt-2 flex min-h-9 w-full items-center gap-2 rounded-md border border-slate-200 px-2.5 text-left text-xs text-slate-700 md:hidden", focusRing)}
      >
        <span className="font-medium text-slate-900">Properties</span>
        <span className="min-w-0 flex-1 truncate">
          {STATUS_LABELS[ticket.status]} · {PRIORITY_LABELS[ticket.priority]} · {ticket.assignee?.name ?? "Unassigned"}
        </span>
        <ChevronDownIcon size={14} className={cx("shrink-0 transition-transform", showProperties && "rotate-180")} />
      </button>
      <div
        id={propertiesId}
        className={cx("mt-2.5 grid grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1fr)] gap-2 max-lg:grid-cols-2", !showProperties && "max-md:hidden")}
      >
        <Property label="Status">
          {(id) => (
            <select
              id={id}
              data-testid="status-select"
              className={cx(selectClass, "w-full")}
              value={ticket.status}
              disabled={closed || pending}
              onChange={(event) => act({ type: "update", patch: { status: event.target.value as TicketStatus } })}
            >
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Property>
        <Property label="Priority">
          {(id) => (
            <select
              id={id}
              className={cx(selectClass, "w-full")}
              value={ticket.priority}
              disabled={closed || pending}
              onChange={(event) => act({ type: "update", patch: { priority: event.target.value as TicketPriority } })}
            >
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </select>
          )}
        </Property>
        <Property label="Assignee">
          {(id) => (
            <select
              id={id}
              data-testid="assignee-select"
              className={cx(selectClass, "w-full")}
              value={ticket.assignee?.id ?? ""}
              disabled={closed || pending}
              onChange={(event) => act({ type: "update", patch: { assigneeId: event.target.value || null } })}
            >
              <option value="">Unassigned</option>
              {ticket.assignee && !users.data?.some((user) => user.id === ticket.assignee?.id) && <option value={ticket.assignee.id}>{ticket.assignee.name}</option>}
              {users.data?.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                  {user.id === userId ? " (you)" : ""}
                </option>
              ))}
            </select>
          )}
        </Property>
        <Property label="Team">
          {(id) => (
            <select
              id={id}
              className={cx(selectClass, "w-full")}
              value={ticket.teamId ?? ""}
              disabled={closed || pending}
              onChange={(event) => act({ type: "transfer", teamId: event.target.value || null })}
            >
              <option value="">No team</option>
              {teams.data?.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Property>
      </div>

      <EscalateDialog
        open={dialog === "escalate"}
        pending={pending}
        onClose={() => setDialog(null)}
        onEscalate={(reason) => {
          setDialog(null);
          act({ type: "escalate", reason: reason.trim() || undefined });
        }}
      />
      <MergeDialog
        open={dialog === "merge"}
        pending={pending}
        ticketNumber={ticket.number}
        candidates={context?.otherTickets ?? []}
        onClose={() => setDialog(null)}
        onMerge={(targetTicketId) => {
          setDialog(null);
          act({ type: "merge", targetTicketId });
        }}
      />
    </header>
  );
}
