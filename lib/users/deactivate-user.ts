import { FINISHED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import type { Tx } from "@/lib/db/client.ts";
import { assignTicketInTx } from "@/lib/tickets/assign-ticket.ts";
import { recordTicketChangeInTx, type TicketChange } from "@/lib/tickets/ticket-change.ts";

// Finished tickets keep their agent: per-agent figures are computed from them.
const DONE = FINISHED_STATUSES;

/**
 * Takes a user out of the store (removed in BigCommerce, or disabled by an admin): disabled and
 * offline, API tokens revoked, open tickets back in the queue so nothing waits on someone gone.
 * The ticket changes are recorded with their events; the caller closes the user's sockets.
 */
export async function deactivateUserInTx(tx: Tx, input: { storeId: string; userId: string; now: Date }): Promise<TicketChange[]> {
  const { storeId, userId, now } = input;
  const user = await tx.user.findFirstOrThrow({ where: { id: userId, storeId }, select: { disabledAt: true } });
  await tx.user.update({ where: { id: userId, storeId }, data: { disabledAt: user.disabledAt ?? now, availability: "OFFLINE", sessionsValidFrom: now }, select: { id: true } });
  await tx.apiToken.updateMany({ where: { storeId, userId, revokedAt: null }, data: { revokedAt: now } });
  const tickets = await tx.ticket.findMany({ where: { storeId, assigneeId: userId, status: { notIn: [...DONE] } }, select: { id: true } });
  const changes: TicketChange[] = [];
  for (const ticket of tickets) {
    const change = await assignTicketInTx(tx, { storeId, ticketId: ticket.id, assigneeId: null, actorId: null, now });
    await recordTicketChangeInTx(tx, storeId, change);
    changes.push(change);
  }
  return changes;
}
