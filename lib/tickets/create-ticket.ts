import type { Db, Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Channel, TicketPriority, TicketSource } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { routeTicketInTx } from "@/lib/routing/route-ticket.ts";
import { findOrCreateCustomerInTx, type TicketCustomer } from "./find-or-create-customer.ts";
import { takeTicketNumbersInTx } from "./take-ticket-numbers.ts";
import { commitTicketChange, type TicketChange } from "./ticket-change.ts";
import { computeSlaDueTimes } from "@/lib/ticket-lifecycle/sla-targets.ts";
import { messageDtoSelect, toMessageDto, type MessageDto } from "./ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";

export type CreateTicketInput = {
  storeId: string;
  subject: string;
  /** The first message: the customer's words for API/Telegram/BigCommerce tickets, an agent's note for manual ones. */
  body?: string;
  priority?: TicketPriority;
  category?: string | null;
  tags?: string[];
  source: TicketSource;
  customerId?: string;
  /** Found by email within the store, or created. Ignored when customerId is given. */
  customer?: { email?: string; name?: string };
  bigcommerceOrderId?: number;
  parentTicketId?: string;
  actorId?: string | null;
  now?: Date;
  /**
   * An order ticket nothing has asked a person about: created watched (no SLA clock, no agent;
   * lib/ticket-lifecycle/work.ts). `needsPerson` makes it work at once, saying why in the thread.
   */
  watch?: { needsPerson: string | null };
};

const INBOUND_CHANNEL: Record<TicketSource, Channel> = {
  MANUAL: "INTERNAL",
  API: "WEB",
  TELEGRAM: "TELEGRAM",
  BIGCOMMERCE: "BIGCOMMERCE",
};

async function requireParent(tx: Tx, storeId: string, parentTicketId: string): Promise<void> {
  const parent = isUuid(parentTicketId)
    ? await tx.ticket.findFirst({ where: { id: parentTicketId, storeId }, select: { id: true } })
    : null;
  if (!parent) throw new AppError("UNPROCESSABLE", "Parent ticket not found", { parentTicketId });
}

async function resolveCustomer(tx: Tx, input: CreateTicketInput): Promise<TicketCustomer | null> {
  if (input.customerId !== undefined) {
    const customer = isUuid(input.customerId)
      ? await tx.customer.findFirst({ where: { id: input.customerId, storeId: input.storeId }, select: { id: true, tier: true } })
      : null;
    if (!customer) throw new AppError("UNPROCESSABLE", "Customer not found", { customerId: input.customerId });
    return customer;
  }
  return input.customer ? findOrCreateCustomerInTx(tx, input.storeId, input.customer) : null;
}

async function createFirstMessage(tx: Tx, input: CreateTicketInput, ticketId: string, body: string, now: Date): Promise<MessageDto> {
  const manual = input.source === "MANUAL";
  const row = await tx.message.create({
    data: {
      storeId: input.storeId,
      ticketId,
      kind: manual ? "NOTE" : "INBOUND",
      channel: INBOUND_CHANNEL[input.source],
      authorId: manual ? (input.actorId ?? null) : null,
      body,
    },
    select: messageDtoSelect,
  });
  if (!manual) {
    await tx.ticket.update({ where: { id: ticketId, storeId: input.storeId }, data: { lastMessageAt: now }, select: { id: true } });
  }
  return toMessageDto(row);
}

/** For callers already in a transaction (event processors); they record the change with `created: true`. */
export async function createTicketInTx(tx: Tx, input: CreateTicketInput): Promise<TicketChange> {
  const { storeId } = input;
  const now = input.now ?? new Date();
  if (input.parentTicketId !== undefined) await requireParent(tx, storeId, input.parentTicketId);
  const customer = await resolveCustomer(tx, input);
  const priority = input.priority ?? "NORMAL";
  const watched = input.watch !== undefined;
  const due = watched ? { firstResponseDueAt: null, resolutionDueAt: null } : await computeSlaDueTimes(tx, { storeId, priority, tier: customer?.tier ?? "STANDARD", start: now });

  const number = await takeTicketNumbersInTx(tx, storeId);
  const ticket = await tx.ticket.create({
    data: {
      storeId,
      number,
      subject: input.subject,
      status: "OPEN",
      priority,
      category: input.category ?? null,
      tags: [...new Set(input.tags ?? [])],
      source: input.source,
      customerId: customer?.id ?? null,
      bigcommerceOrderId: input.bigcommerceOrderId ?? null,
      parentTicketId: input.parentTicketId ?? null,
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      // The SLA clocks start when the ticket is work (at creation unless watched); priority changes
      // recount the targets from this same instant.
      workSince: watched ? null : now,
      createdAt: now,
    },
    select: { id: true },
  });

  const messages: MessageDto[] = [];
  const body = input.body?.trim();
  if (body) messages.push(await createFirstMessage(tx, input, ticket.id, body, now));

  // Open is only the initial status: the ticket enters the queue through the transition, which
  // leaves the "Open → Awaiting Agent" entry in the thread.
  const queued = await transitionTicketInTx(tx, {
    storeId,
    ticketId: ticket.id,
    to: "AWAITING_AGENT",
    actorId: input.actorId ?? null,
    reason: "Ticket created",
    now,
  });
  const work = input.watch?.needsPerson ? await makeWorkInTx(tx, { storeId, ticketId: ticket.id, reason: input.watch.needsPerson, actorId: null, now }) : null;
  // Routing (assignment rules, then an atomic claim by the least-loaded available agent) runs in
  // this same transaction, so every creation path, event processors included, is routed. A watched
  // ticket gets its rules' team and priority (a rule may make it work) but no agent.
  const routed = await routeTicketInTx(tx, { storeId, ticketId: ticket.id, applyRules: true, respectQueueOrder: true, now });
  return { ticket: routed.ticket, messages: [...messages, ...queued.messages, ...(work?.messages ?? []), ...routed.messages] };
}

export async function createTicket(db: Db, input: CreateTicketInput): Promise<TicketChange> {
  return commitTicketChange(db, input.storeId, (tx) => createTicketInTx(tx, input), { created: true });
}
