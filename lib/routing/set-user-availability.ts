import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Availability, Role } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { publishMetricsChanged } from "@/lib/realtime/publish.ts";
import { recordTicketChangeInTx, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { drainQueue } from "./drain-queue.ts";
import { loadRoutingSettings } from "./load-routing-settings.ts";
import { requeueTicketInTx } from "./requeue-ticket.ts";

export type SetAvailabilityInput = {
  storeId: string;
  actor: { userId: string; role: Role };
  userId: string;
  availability: Availability;
  now?: Date;
};

export type AvailabilityResult = { user: { id: string; availability: Availability }; requeued: TicketChange[]; assigned: TicketChange[] };

const LABEL: Record<Availability, string> = { ONLINE: "online", AWAY: "away", OFFLINE: "offline" };

/**
 * An agent sets their own availability; supervisors and admins set anyone's. Going away or offline
 * sends the agent's assigned-but-not-started tickets back to the queue (when the store wants it);
 * coming online drains the queue, so waiting tickets reach the agent at once.
 */
export async function setUserAvailability(db: Db, input: SetAvailabilityInput): Promise<AvailabilityResult> {
  const { storeId, userId, availability } = input;
  const isSelf = input.actor.userId === userId;
  if (!isSelf && input.actor.role === "AGENT") throw new AppError("FORBIDDEN", "Agents can change only their own availability");
  if (!isUuid(userId)) throw new AppError("NOT_FOUND", "User not found");

  const { user, requeued } = await db.$transaction(async (tx) => {
    const found = await tx.user.findFirst({ where: { id: userId, storeId, disabledAt: null }, select: { id: true, name: true } });
    if (!found) throw new AppError("NOT_FOUND", "User not found");
    // The row update waits for routings holding this agent's claim lock; those after it see the new availability.
    const updated = await tx.user.update({ where: { id: userId }, data: { availability }, select: { id: true, availability: true } });
    const changes: TicketChange[] = [];
    const settings = await loadRoutingSettings(tx, storeId);
    if (availability !== "ONLINE" && settings.requeueOnUnavailable) {
      const waiting = await tx.ticket.findMany({
        where: { storeId, assigneeId: userId, status: "AGENT_ASSIGNED" },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      for (const ticket of waiting) {
        const change = await requeueTicketInTx(tx, {
          storeId,
          ticketId: ticket.id,
          fromAssigneeId: userId,
          reason: `${found.name} went ${LABEL[availability]}: back to the queue`,
          now: input.now,
        });
        if (!change) continue;
        await recordTicketChangeInTx(tx, storeId, change);
        changes.push(change);
      }
    }
    return { user: updated, requeued: changes };
  }, TICKET_TX_OPTIONS);

  publishMetricsChanged(storeId, "availability");
  // Requeued tickets go to whoever has room now; a newly online agent picks up the waiting queue.
  const assigned = requeued.length > 0 || availability === "ONLINE" ? await drainQueue(db, { storeId, now: input.now }) : [];
  return { user, requeued, assigned };
}
