import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { createActivityInTx } from "./create-activity.ts";
import { requireAssignableUser, type Assignee } from "./require-assignable-user.ts";
import type { MessageDto } from "./ticket-dto.ts";

export type SetAssigneeInput = {
  storeId: string;
  ticketId: string;
  assigneeId: string | null;
  actorId: string | null;
};

function assignmentText(from: Assignee | null, to: Assignee | null): string {
  if (!to) return `Unassigned from ${from?.name ?? "nobody"}`;
  if (!from) return `Assigned to ${to.name}`;
  return `Reassigned from ${from.name} to ${to.name}`;
}

/**
 * Writes the assignee and its activity entry, without touching the status: callers hold the
 * ticket lock and decide the status (assign-ticket.ts, transition-ticket.ts). Null when unchanged.
 */
export async function setAssigneeInTx(tx: Tx, input: SetAssigneeInput): Promise<MessageDto | null> {
  const current = await tx.ticket.findFirst({
    where: { id: input.ticketId, storeId: input.storeId },
    select: { assignee: { select: { id: true, name: true } } },
  });
  if (!current) throw new AppError("NOT_FOUND", "Ticket not found");
  const from = current.assignee;
  if ((from?.id ?? null) === input.assigneeId) return null;
  const to = input.assigneeId === null ? null : await requireAssignableUser(tx, input.storeId, input.assigneeId);
  await tx.ticket.update({
    where: { id: input.ticketId, storeId: input.storeId },
    data: { assigneeId: to?.id ?? null },
    select: { id: true },
  });
  return createActivityInTx(tx, {
    storeId: input.storeId,
    ticketId: input.ticketId,
    actorId: input.actorId,
    body: assignmentText(from, to),
    meta: { type: "assignment", from: from?.id ?? null, to: to?.id ?? null },
  });
}
