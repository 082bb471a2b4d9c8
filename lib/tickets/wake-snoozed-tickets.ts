import type { Db } from "@/lib/db/client.ts";
import { SNOOZE_ENDED } from "@/lib/ticket-lifecycle/snooze.ts";
import { createActivityInTx } from "./create-activity.ts";
import { lockTicket } from "./lock-ticket.ts";
import { recordTicketChangeInTx, type TicketChange } from "./ticket-change.ts";
import { ticketDtoSelect, toTicketDto } from "./ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "./transaction-options.ts";

/**
 * Clears snoozes that have run out and pushes the tickets back into every open inbox. Safe to
 * run on several instances at once: each ticket is re-read under its lock, so only one of them
 * writes the "Snooze ended" entry.
 */
export async function wakeSnoozedTickets(db: Db, now: Date = new Date(), batch = 100): Promise<number> {
  const due = await db.ticket.findMany({
    where: { snoozedUntil: { lte: now } },
    orderBy: { snoozedUntil: "asc" },
    take: batch,
    select: { id: true, storeId: true },
  });
  let woken = 0;
  for (const { id, storeId } of due) {
    const change = await db.$transaction(async (tx): Promise<TicketChange | null> => {
      await lockTicket(tx, storeId, id);
      const current = await tx.ticket.findFirst({ where: { id, storeId }, select: { snoozedUntil: true } });
      if (!current?.snoozedUntil || current.snoozedUntil > now) return null;
      const row = await tx.ticket.update({ where: { id, storeId }, data: SNOOZE_ENDED, select: ticketDtoSelect });
      const activity = await createActivityInTx(tx, {
        storeId,
        ticketId: id,
        actorId: null,
        body: "Snooze ended",
        meta: { type: "snooze", until: null },
      });
      const change = { ticket: toTicketDto(row), messages: [activity] };
      await recordTicketChangeInTx(tx, storeId, change);
      return change;
    }, TICKET_TX_OPTIONS);
    if (change) woken += 1;
  }
  return woken;
}
