import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { createTicketInTx } from "@/lib/tickets/create-ticket.ts";
import { ticketDtoSelect, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { findOpenTicketInTx } from "../find-open-ticket.ts";
import type { TelegramEffects } from "../telegram-effects.ts";
import type { TelegramIdentity } from "../telegram-identity.ts";

/** The self-service actions the dashboard counts (AuditLog.action = "self_service.<kind>"). */
export type SelfServiceKind = "product_search" | "checkout_link" | "address_change" | "phone_change";

/** Audit details stay small: strings are cut to this. */
const DETAIL_TEXT_LIMIT = 120;

export type SelfServiceDetail = Record<string, string | number | boolean | null>;

function bounded(detail: SelfServiceDetail): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(detail).map(([key, value]) => [key, typeof value === "string" ? value.slice(0, DETAIL_TEXT_LIMIT) : value]));
}

/**
 * The chat's conversation, where self-service shows in the thread: its open ticket, else a new
 * one that is watched (the customer helped themselves; nobody was asked, so no agent, no clock).
 * A message they write later joins it and makes it work.
 */
async function conversationInTx(tx: Tx, effects: TelegramEffects, storeId: string, identity: TelegramIdentity, now: Date): Promise<{ id: string; created: boolean }> {
  const open = await findOpenTicketInTx(tx, storeId, identity.customer.id, identity.id);
  if (open) return { id: open.id, created: false };
  const created = await createTicketInTx(tx, {
    storeId,
    subject: "Self-service on Telegram",
    source: "TELEGRAM",
    customerId: identity.customer.id,
    tags: ["telegram", "self-service"],
    watch: { needsPerson: null },
    now,
  });
  await tx.ticket.update({ where: { id: created.ticket.id, storeId }, data: { channelIdentityId: identity.id }, select: { id: true } });
  effects.created.push(created);
  return { id: created.ticket.id, created: true };
}

async function noteInThreadInTx(tx: Tx, effects: TelegramEffects, storeId: string, identity: TelegramIdentity, body: string, meta: Prisma.InputJsonObject, now: Date): Promise<string> {
  const ticket = await conversationInTx(tx, effects, storeId, identity, now);
  const entry = await createActivityInTx(tx, { storeId, ticketId: ticket.id, actorId: null, body, meta });
  const dto = toTicketDto(await tx.ticket.findFirstOrThrow({ where: { id: ticket.id, storeId }, select: ticketDtoSelect }));
  const change = (ticket.created ? effects.created : effects.changed).find((entry) => entry.ticket.id === ticket.id);
  if (change) {
    change.ticket = dto;
    change.messages.push(entry);
  } else {
    effects.changed.push({ ticket: dto, messages: [entry] });
  }
  return ticket.id;
}

/**
 * A self-service action done: one audit row (by nobody: the customer did it through the bot) and
 * an entry in the conversation's thread saying what happened, in the caller's chat transaction.
 */
export async function recordSelfServiceInTx(
  tx: Tx,
  effects: TelegramEffects,
  input: { storeId: string; identity: TelegramIdentity; kind: SelfServiceKind; thread: string; detail: SelfServiceDetail; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const ticketId = await noteInThreadInTx(tx, effects, input.storeId, input.identity, `Self-service: ${input.thread}`, { type: "self_service", kind: input.kind }, now);
  await tx.auditLog.create({
    data: { storeId: input.storeId, actorId: null, action: `self_service.${input.kind}`, targetType: "ticket", targetId: ticketId, detail: bounded(input.detail) },
    select: { id: true },
  });
}

/** A self-service action the shop refused or could not do: a note for agents in the thread, no audit row. */
export async function noteSelfServiceFailureInTx(tx: Tx, effects: TelegramEffects, input: { storeId: string; identity: TelegramIdentity; kind: SelfServiceKind; thread: string; now?: Date }): Promise<void> {
  await noteInThreadInTx(tx, effects, input.storeId, input.identity, `Self-service failed: ${input.thread}`, { type: "self_service", kind: input.kind, failed: true }, input.now ?? new Date());
}
