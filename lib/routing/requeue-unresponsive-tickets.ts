import type { Db } from "@/lib/db/client.ts";
import { recordTicketChangeInTx, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { loadRoutingSettings } from "./load-routing-settings.ts";
import { requeueTicketInTx } from "./requeue-ticket.ts";
import { routeTicketInTx } from "./route-ticket.ts";

function describeTimeout(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/**
 * Tickets sitting in Agent Assigned (given to an agent who has not replied) longer than the store's
 * assignment timeout go back to the queue and straight to another agent when one has room.
 * "Assigned since" is the last status or assignment entry in the thread, so a manual reassignment
 * restarts the wait.
 */
export async function requeueUnresponsiveTickets(db: Db, input: { storeId: string; now?: Date }): Promise<TicketChange[]> {
  const { storeId } = input;
  const now = input.now ?? new Date();
  const { autoAssign, assignmentTimeoutSeconds } = await loadRoutingSettings(db, storeId);
  if (!autoAssign || !assignmentTimeoutSeconds) return [];
  const cutoff = new Date(now.getTime() - assignmentTimeoutSeconds * 1000);
  const stale = await db.$queryRaw<{ id: string; assigneeId: string; assigneeName: string }[]>`
    SELECT t.id, t."assigneeId", u.name AS "assigneeName"
    FROM "Ticket" t JOIN "User" u ON u.id = t."assigneeId"
    WHERE t."storeId" = ${storeId}::uuid AND t.status = 'AGENT_ASSIGNED'
      AND NOT EXISTS (
        SELECT 1 FROM "Message" m
        WHERE m."ticketId" = t.id AND m.kind = 'ACTIVITY' AND m."createdAt" > ${cutoff}::timestamptz
          AND m.meta->>'type' IN ('status', 'assignment'))
    ORDER BY t.priority DESC, t."createdAt" ASC
    LIMIT 100`;
  const changes: TicketChange[] = [];
  for (const ticket of stale) {
    const change = await db.$transaction(async (tx) => {
      const requeued = await requeueTicketInTx(tx, {
        storeId,
        ticketId: ticket.id,
        fromAssigneeId: ticket.assigneeId,
        reason: `No response from ${ticket.assigneeName} within ${describeTimeout(assignmentTimeoutSeconds)}: back to the queue`,
        now,
      });
      if (!requeued) return null;
      const routed = await routeTicketInTx(tx, { storeId, ticketId: ticket.id, excludeUserIds: [ticket.assigneeId], now });
      const change = { ticket: routed.ticket, messages: [...requeued.messages, ...routed.messages] };
      await recordTicketChangeInTx(tx, storeId, change);
      return change;
    }, TICKET_TX_OPTIONS);
    if (!change) continue;
    changes.push(change);
  }
  return changes;
}
