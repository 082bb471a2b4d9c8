import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { assignTicketInTx } from "./assign-ticket.ts";
import { createActivityInTx } from "./create-activity.ts";
import { lockTicket } from "./lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { setAssigneeInTx } from "./set-assignee.ts";
import { computeSlaDueTimes } from "@/lib/ticket-lifecycle/sla-targets.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "./ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";

export type TicketPatch = {
  subject?: string;
  priority?: TicketPriority;
  category?: string | null;
  tags?: string[];
  status?: TicketStatus;
  /** null unassigns. */
  assigneeId?: string | null;
};

export type UpdateTicketInput = {
  storeId: string;
  ticketId: string;
  actorId?: string | null;
  patch: TicketPatch;
  now?: Date;
};

type FieldChanges = Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }>;

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function describeChanges(changes: FieldChanges): string {
  return Object.entries(changes)
    .map(([field, change]) =>
      field === "priority" ? `Priority changed from ${capitalize(String(change.from))} to ${capitalize(String(change.to))}` : `${capitalize(field)} changed`,
    )
    .join("; ");
}

/** Subject, priority, category and tags: written together, recorded as one activity entry. */
async function updateFieldsInTx(tx: Tx, input: UpdateTicketInput): Promise<MessageDto | null> {
  const { storeId, ticketId, patch } = input;
  const current = await tx.ticket.findFirstOrThrow({
    where: { id: ticketId, storeId },
    select: {
      subject: true,
      priority: true,
      category: true,
      tags: true,
      workSince: true,
      pausedSeconds: true,
      firstResponseAt: true,
      resolvedAt: true,
      customer: { select: { tier: true } },
    },
  });
  const data: Prisma.TicketUpdateInput = {};
  const changes: FieldChanges = {};
  if (patch.subject !== undefined && patch.subject !== current.subject) {
    data.subject = patch.subject;
    changes.subject = { from: current.subject, to: patch.subject };
  }
  if (patch.category !== undefined && patch.category !== current.category) {
    data.category = patch.category;
    changes.category = { from: current.category, to: patch.category };
  }
  if (patch.tags !== undefined) {
    const tags = [...new Set(patch.tags)];
    if (!sameTags(tags, current.tags)) {
      data.tags = tags;
      changes.tags = { from: current.tags, to: tags };
    }
  }
  if (patch.priority !== undefined && patch.priority !== current.priority) {
    data.priority = patch.priority;
    changes.priority = { from: current.priority, to: patch.priority };
    // Targets depend on priority: recount them from when the ticket became work, keeping the time
    // already paused. Clocks that already stopped keep their due time (it is what they were
    // measured against); a watched ticket has no clock to recount.
    if (current.workSince) {
      const due = await computeSlaDueTimes(tx, {
        storeId,
        priority: patch.priority,
        tier: current.customer?.tier ?? "STANDARD",
        start: current.workSince,
        pausedSeconds: current.pausedSeconds,
      });
      if (!current.firstResponseAt) data.firstResponseDueAt = due.firstResponseDueAt;
      if (!current.resolvedAt) data.resolutionDueAt = due.resolutionDueAt;
    }
  }
  if (Object.keys(changes).length === 0) return null;
  await tx.ticket.update({ where: { id: ticketId, storeId }, data, select: { id: true } });
  return createActivityInTx(tx, {
    storeId,
    ticketId,
    actorId: input.actorId ?? null,
    body: describeChanges(changes),
    meta: { type: "fields", changes },
  });
}

/**
 * One PATCH: fields, then status and assignee. An explicit status is authoritative (it goes
 * through the transition, with the assignee in the same change); an assignee alone moves the
 * status the way assign-ticket.ts does. Setting the status a ticket already has is a no-op.
 */
export async function updateTicketInTx(tx: Tx, input: UpdateTicketInput): Promise<TicketChange> {
  const { storeId, ticketId, patch } = input;
  const actorId = input.actorId ?? null;
  await lockTicket(tx, storeId, ticketId);
  const messages: MessageDto[] = [];
  const fields = await updateFieldsInTx(tx, input);
  if (fields) messages.push(fields);

  const { status, assigneeId: currentAssigneeId } = await tx.ticket.findFirstOrThrow({
    where: { id: ticketId, storeId },
    select: { status: true, assigneeId: true },
  });
  if (patch.status !== undefined && patch.status !== status) {
    const moved = await transitionTicketInTx(tx, { storeId, ticketId, to: patch.status, assigneeId: patch.assigneeId, actorId, now: input.now });
    messages.push(...moved.messages);
  } else if (patch.assigneeId !== undefined && patch.assigneeId !== currentAssigneeId) {
    if (patch.status === undefined) {
      const assigned = await assignTicketInTx(tx, { storeId, ticketId, assigneeId: patch.assigneeId, actorId, now: input.now });
      messages.push(...assigned.messages);
    } else {
      // The status was pinned to the current one: change only the assignee, within the machine's rules.
      if (status === "CLOSED") throw new AppError("CONFLICT", "A closed ticket cannot be reassigned");
      if (status === "AGENT_ASSIGNED" && patch.assigneeId === null) {
        throw new AppError("INVALID_TRANSITION", "A ticket in Agent Assigned must keep an assignee", { from: status, to: status });
      }
      const assignment = await setAssigneeInTx(tx, { storeId, ticketId, assigneeId: patch.assigneeId, actorId });
      if (assignment) messages.push(assignment);
    }
  }

  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return { ticket: toTicketDto(row), messages };
}

export async function updateTicket(db: Db, input: UpdateTicketInput): Promise<TicketChange> {
  return commitTicketChange(db, input.storeId, (tx) => updateTicketInTx(tx, input));
}
