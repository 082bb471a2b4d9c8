import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { canSnooze, SNOOZE_ENDED, snoozeTimeRefusal } from "@/lib/ticket-lifecycle/snooze.ts";
import { createActivityInTx } from "./create-activity.ts";
import { lockTicket } from "./lock-ticket.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { ticketDtoSelect, toTicketDto } from "./ticket-dto.ts";

export type SnoozeTicketInput = {
  storeId: string;
  ticketId: string;
  /** null wakes the ticket now. */
  until: Date | null;
  actorId: string | null;
  now?: Date;
};

function describe(until: Date | null): string {
  return until ? `Snoozed until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC` : "Snooze ended";
}

/**
 * Hides a ticket from the inbox's default views until a time, or with null wakes it now (the
 * rules of snooze: lib/ticket-lifecycle/snooze.ts). wake-snoozed-tickets.ts brings it back live
 * when the time comes.
 */
export async function snoozeTicket(db: Db, input: SnoozeTicketInput): Promise<TicketChange> {
  const { storeId, ticketId, until } = input;
  const now = input.now ?? new Date();
  const refusal = until && snoozeTimeRefusal(until, now);
  if (refusal) throw new AppError("UNPROCESSABLE", refusal);
  return commitTicketChange(db, storeId, async (tx) => {
    await lockTicket(tx, storeId, ticketId);
    const current = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: { status: true, snoozedUntil: true } });
    if (until && !canSnooze(current.status)) {
      throw new AppError("CONFLICT", "A resolved or closed ticket cannot be snoozed");
    }
    if (!until && !current.snoozedUntil) {
      const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
      return { ticket: toTicketDto(row), messages: [] };
    }
    const row = await tx.ticket.update({ where: { id: ticketId, storeId }, data: until ? { snoozedUntil: until } : SNOOZE_ENDED, select: ticketDtoSelect });
    const activity = await createActivityInTx(tx, {
      storeId,
      ticketId,
      actorId: input.actorId,
      body: describe(until),
      meta: { type: "snooze", until: until?.toISOString() ?? null },
    });
    return { ticket: toTicketDto(row), messages: [activity] };
  });
}
