import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { createActivityInTx } from "./create-activity.ts";
import { lockTicket } from "./lock-ticket.ts";
import { recordTicketChangeInTx, type TicketChange } from "./ticket-change.ts";
import { messageDtoSelect, ticketDtoSelect, toMessageDto, toTicketDto, type MessageDto } from "./ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "./transaction-options.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";

export type MergeTicketsInput = {
  storeId: string;
  /** The duplicate: its conversation moves to the target and it is closed. */
  sourceId: string;
  targetId: string;
  actorId: string | null;
  now?: Date;
};

export type MergeResult = { source: TicketChange; target: TicketChange; moved: MessageDto[] };

const mergeSelect = { id: true, number: true, status: true, customerId: true, mergedIntoId: true, tags: true, lastMessageAt: true } as const;

async function readForMerge(tx: Tx, storeId: string, ticketId: string) {
  const ticket = await tx.ticket.findFirst({ where: { id: ticketId, storeId }, select: mergeSelect });
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  if (ticket.status === "CLOSED" || ticket.mergedIntoId) throw new AppError("CONFLICT", `Ticket #${ticket.number} is closed and cannot be merged`);
  return ticket;
}

/**
 * Merges a duplicate into the ticket that stays: the customer's messages, replies and notes move
 * over (the duplicate keeps its own activity history), tags are combined, and the duplicate is
 * closed through the transition with a link to where its conversation went.
 */
export async function mergeTicketsInTx(tx: Tx, input: MergeTicketsInput): Promise<MergeResult> {
  const { storeId, sourceId, targetId } = input;
  const actorId = input.actorId ?? null;
  if (!isUuid(sourceId) || !isUuid(targetId)) throw new AppError("NOT_FOUND", "Ticket not found");
  if (sourceId === targetId) throw new AppError("UNPROCESSABLE", "A ticket cannot be merged into itself");
  // Always lock in the same order, so two opposite merges cannot deadlock.
  for (const id of [sourceId, targetId].sort()) await lockTicket(tx, storeId, id);
  const source = await readForMerge(tx, storeId, sourceId);
  const target = await readForMerge(tx, storeId, targetId);
  if (source.customerId && target.customerId && source.customerId !== target.customerId) {
    throw new AppError("UNPROCESSABLE", "Only tickets of the same customer can be merged");
  }

  const movedIds = await tx.message.findMany({
    where: { storeId, ticketId: sourceId, kind: { in: ["INBOUND", "OUTBOUND", "NOTE"] } },
    select: { id: true },
  });
  await tx.message.updateMany({ where: { storeId, id: { in: movedIds.map((row) => row.id) } }, data: { ticketId: targetId } });
  const moved = await tx.message.findMany({
    where: { storeId, id: { in: movedIds.map((row) => row.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: messageDtoSelect,
  });

  const lastMessageAt = [source.lastMessageAt, target.lastMessageAt].filter((date): date is Date => date !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  await tx.ticket.update({
    where: { id: targetId, storeId },
    data: { tags: [...new Set([...target.tags, ...source.tags])], lastMessageAt: lastMessageAt ?? null },
    select: { id: true },
  });
  const targetEntry = await createActivityInTx(tx, {
    storeId,
    ticketId: targetId,
    actorId,
    body: `Merged #${source.number} into this ticket (${moved.length} message${moved.length === 1 ? "" : "s"} moved)`,
    meta: { type: "merge", sourceId, sourceNumber: source.number, moved: moved.length },
  });

  await tx.ticket.update({ where: { id: sourceId, storeId }, data: { mergedIntoId: targetId }, select: { id: true } });
  const sourceEntry = await createActivityInTx(tx, {
    storeId,
    ticketId: sourceId,
    actorId,
    body: `Merged into #${target.number}`,
    meta: { type: "merged_into", targetId, targetNumber: target.number },
  });
  const closed = await transitionTicketInTx(tx, { storeId, ticketId: sourceId, to: "CLOSED", actorId, reason: `Merged into #${target.number}`, now: input.now });

  const targetRow = await tx.ticket.findFirstOrThrow({ where: { id: targetId, storeId }, select: ticketDtoSelect });
  return {
    source: { ticket: closed.ticket, messages: [sourceEntry, ...closed.messages] },
    target: { ticket: toTicketDto(targetRow), messages: [targetEntry] },
    moved: moved.map(toMessageDto),
  };
}

export async function mergeTickets(db: Db, input: MergeTicketsInput): Promise<MergeResult> {
  return db.$transaction(async (tx) => {
    const result = await mergeTicketsInTx(tx, input);
    await recordTicketChangeInTx(tx, input.storeId, result.source);
    // The moved messages are announced as new in the target's thread; the duplicate's viewers see it closed and merged.
    await recordTicketChangeInTx(tx, input.storeId, { ticket: result.target.ticket, messages: [...result.moved, ...result.target.messages] });
    return result;
  }, TICKET_TX_OPTIONS);
}
