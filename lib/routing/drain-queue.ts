import type { Db } from "@/lib/db/client.ts";
import { recordTicketChangeInTx, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { loadRoutingSettings } from "./load-routing-settings.ts";
import { routeTicketInTx } from "./route-ticket.ts";
import { CLAIMABLE_STATUSES } from "./routing-statuses.ts";
import { WORK_TICKETS } from "@/lib/ticket-lifecycle/work.ts";

export type DrainQueueInput = { storeId: string; now?: Date; limit?: number };

/**
 * Hands queued, unassigned tickets to agents with room, most urgent and oldest first, one short
 * transaction per ticket. Tickets being changed by someone else right now (row locked) are skipped
 * until the next drain; once a team has nobody left to take work, its other tickets are not tried.
 * Run by the scheduler every few seconds and when an agent comes online. Returns what it assigned.
 */
export async function drainQueue(db: Db, input: DrainQueueInput): Promise<TicketChange[]> {
  const { storeId } = input;
  const settings = await loadRoutingSettings(db, storeId);
  if (!settings.autoAssign) return [];
  const queue = await db.ticket.findMany({
    // Watched tickets wait for nobody: they are not work yet (ticket-lifecycle/work.ts).
    where: { storeId, assigneeId: null, status: { in: [...CLAIMABLE_STATUSES] }, ...WORK_TICKETS },
    orderBy: [{ priority: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    take: input.limit ?? 200,
    select: { id: true, teamId: true },
  });
  const fullTeams = new Set<string>();
  const assigned: TicketChange[] = [];
  for (const queued of queue) {
    const teamKey = queued.teamId ?? "";
    if (fullTeams.has(teamKey)) continue;
    const change = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Ticket"
        WHERE id = ${queued.id}::uuid AND "storeId" = ${storeId}::uuid AND "assigneeId" IS NULL
        FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return undefined;
      const change = await routeTicketInTx(tx, { storeId, ticketId: queued.id, now: input.now });
      if (change.assigneeId) await recordTicketChangeInTx(tx, storeId, change);
      return change;
    }, TICKET_TX_OPTIONS);
    if (change === undefined) continue;
    if (change.assigneeId) assigned.push(change);
    else fullTeams.add(teamKey);
  }
  return assigned;
}
