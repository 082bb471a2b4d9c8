import type { Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { ticketDtoSelect, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { computeSlaDueTimes } from "./sla-targets.ts";

/**
 * Watching is not work (SPEC, "Routing and queue"). An order ticket nothing has asked a person
 * about is only watched: it takes no agent's capacity, has no SLA clock and is listed under
 * Watching, not Open. It becomes work, once and for good, when something needs a person: the
 * customer writes, a refund, a return, a payment or shipment exception, a supervisor's rule, or an
 * agent taking it. `workSince` is that moment, and the SLA clocks count from it; null = watched.
 */

/** The ticket `t` is work (for raw SQL over "Ticket" t). */
export const isWorkSql = Prisma.sql`t."workSince" IS NOT NULL`;

/** Prisma's twin of isWorkSql. */
export const WORK_TICKETS = { workSince: { not: null } } satisfies Prisma.TicketWhereInput;
export const WATCHED_TICKETS = { workSince: null } satisfies Prisma.TicketWhereInput;

export type MakeWorkInput = {
  storeId: string;
  ticketId: string;
  /** What needs a person, for the thread: "the customer wrote on Telegram". */
  reason: string;
  actorId: string | null;
  now: Date;
};

/**
 * Turns a watched ticket into work: its SLA clocks start now (the targets of its priority and its
 * customer's tier) and the thread says why. Returns null for a ticket that already is work, so
 * callers may ask on every event. The ticket joins the queue as it stands: routing (the caller's,
 * or the queue's drain) hands it to an agent. The caller holds the ticket's lock.
 */
export async function makeWorkInTx(tx: Tx, input: MakeWorkInput): Promise<TicketChange | null> {
  const { storeId, ticketId, now } = input;
  const watched = await tx.ticket.findFirst({
    where: { id: ticketId, storeId, ...WATCHED_TICKETS },
    select: { priority: true, waitingSince: true, customer: { select: { tier: true } } },
  });
  if (!watched) return null;
  const due = await computeSlaDueTimes(tx, { storeId, priority: watched.priority, tier: watched.customer?.tier ?? "STANDARD", start: now });
  const updated = await tx.ticket.update({
    where: { id: ticketId, storeId },
    data: {
      workSince: now,
      ...due,
      // Nothing was paused before the clocks existed: a wait that began while watched counts from now.
      pausedSeconds: 0,
      ...(watched.waitingSince ? { waitingSince: now } : {}),
    },
    select: ticketDtoSelect,
  });
  const entry = await createActivityInTx(tx, {
    storeId,
    ticketId,
    actorId: input.actorId,
    body: `Needs a person: ${input.reason}`,
    // Not "reason": the thread shows a meta reason after the body, and the body already says it.
    meta: { type: "work", need: input.reason },
  });
  return { ticket: toTicketDto(updated), messages: [entry] };
}
