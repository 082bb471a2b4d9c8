import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
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

/** Most a ticket may sleep: a forgotten snooze must not hide a customer for ever. */
export const MAX_SNOOZE_DAYS = 90;

function describe(until: Date | null): string {
  return until ? `Snoozed until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC` : "Snooze ended";
}

/**
 * Hides a ticket from the inbox's default views until a time; the status and the SLA clocks
 * are untouched (snoozing is a view of the queue, not a promise to the customer).
 * wake-snoozed-tickets.ts brings it back live when the time comes.
 */
export async function snoozeTicket(db: Db, input: SnoozeTicketInput): Promise<TicketChange> {
  const { storeId, ticketId, until } = input;
  const now = input.now ?? new Date();
  if (until && until.getTime() <= now.getTime()) throw new AppError("UNPROCESSABLE", "Snooze until a time in the future");
  if (until && until.getTime() - now.getTime() > MAX_SNOOZE_DAYS * 86_400_000) {
    throw new AppError("UNPROCESSABLE", `A ticket can be snoozed for at most ${MAX_SNOOZE_DAYS} days`);
  }
  return commitTicketChange(db, storeId, async (tx) => {
    await lockTicket(tx, storeId, ticketId);
    const current = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: { status: true, snoozedUntil: true } });
    if (until && (current.status === "RESOLVED" || current.status === "CLOSED")) {
      throw new AppError("CONFLICT", "A resolved or closed ticket cannot be snoozed");
    }
    if (!until && !current.snoozedUntil) {
      const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
      return { ticket: toTicketDto(row), messages: [] };
    }
    const row = await tx.ticket.update({ where: { id: ticketId, storeId }, data: { snoozedUntil: until }, select: ticketDtoSelect });
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
