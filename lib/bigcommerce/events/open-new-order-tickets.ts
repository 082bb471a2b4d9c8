import type { Tx } from "@/lib/db/client.ts";
import { insertRowsInTx } from "@/lib/db/insert-rows.ts";
import { recordDomainEventsInTx } from "@/lib/domain-events/record-domain-events.ts";
import type { NewDomainEvent } from "@/lib/domain-events/domain-event.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Channel, MessageKind } from "@/lib/generated/prisma/enums.ts";
import { uuidV7, uuidV7Sequence } from "@/lib/ids/uuid-v7.ts";
import { routeNewTicketsInTx } from "@/lib/routing/route-new-tickets.ts";
import { routingFactsFrom } from "@/lib/routing/routing-facts.ts";
import { loadRoutingSettings } from "@/lib/routing/load-routing-settings.ts";
import { loadStoreSlaSetup } from "@/lib/ticket-lifecycle/load-store-sla-setup.ts";
import { resolveTicketSla } from "@/lib/ticket-lifecycle/resolve-ticket-sla.ts";
import { slaStampsForTransition } from "@/lib/ticket-lifecycle/sla-clock.ts";
import { slaDueTimes } from "@/lib/ticket-lifecycle/sla-targets.ts";
import { snoozeAfterMove } from "@/lib/ticket-lifecycle/snooze.ts";
import { STATUS_LABELS } from "@/lib/ticket-lifecycle/status-labels.ts";
import { ticketChangeEvents } from "@/lib/tickets/ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { takeTicketNumbersInTx } from "@/lib/tickets/take-ticket-numbers.ts";
import { linkBigcommerceCustomersInTx } from "../link-bigcommerce-customer.ts";
import { lockNewOrdersInTx } from "../lock-order.ts";
import { cachedOrder } from "../save-order-snapshot.ts";
import type { OrderBundle } from "./order-bundle.ts";
import { customerNameOf, orderSummary, orderTicketSubject } from "./order-summary.ts";
import { newOrderTicketWatch } from "./order-work.ts";

type Entry = { id: string; ticketId: string; kind: MessageKind; channel: Channel; body: string; meta: Prisma.InputJsonObject | null; createdAt: Date };

// The columns this writes (insert-rows.ts); the others take their defaults. A column listed here
// but absent from a row is NULL, so only nullable ones may be left out of a row.
const SNAPSHOT_COLUMNS = {
  id: "uuid",
  storeId: "uuid",
  bigcommerceOrderId: "int",
  customerId: "uuid",
  statusId: "int",
  status: "text",
  totalIncTax: "numeric",
  currency: "text",
  order: "jsonb",
  products: "jsonb",
  shipments: "jsonb",
  dateModified: "timestamptz",
  fetchedAt: "timestamptz",
  notedStatusId: "int",
  updatedAt: "timestamptz",
};
const TICKET_COLUMNS = {
  id: "uuid",
  storeId: "uuid",
  number: "int",
  subject: "text",
  status: '"TicketStatus"',
  priority: '"TicketPriority"',
  tags: "text[]",
  source: '"TicketSource"',
  customerId: "uuid",
  orderSnapshotId: "uuid",
  bigcommerceOrderId: "int",
  firstResponseDueAt: "timestamptz",
  resolutionDueAt: "timestamptz",
  workSince: "timestamptz",
  lastMessageAt: "timestamptz",
  waitingSince: "timestamptz",
  snoozedUntil: "timestamptz",
  createdAt: "timestamptz",
  updatedAt: "timestamptz",
};
const MESSAGE_COLUMNS = { id: "uuid", storeId: "uuid", ticketId: "uuid", kind: '"MessageKind"', channel: '"Channel"', body: "text", meta: "jsonb", createdAt: "timestamptz" };

const TICKET_CREATED = { type: "status", from: "OPEN", to: "AWAITING_AGENT", reason: "Ticket created" } as const;

function asDto(entry: Entry): MessageDto {
  return { ...entry, author: null, attachments: [], deliveryStatus: null, deliveryError: null, editedAt: null, createdAt: entry.createdAt.toISOString() };
}

/** Orders that already have a copy or a ticket in Tern: not new, so the event is applied the ordinary way. */
async function alreadyKnown(tx: Tx, storeId: string, orderIds: number[]): Promise<Set<number>> {
  const rows = await tx.$queryRaw<{ orderId: number }[]>`
    SELECT "bigcommerceOrderId" AS "orderId" FROM "OrderSnapshot" WHERE "storeId" = ${storeId}::uuid AND "bigcommerceOrderId" = ANY(${orderIds}::int[])
    UNION
    SELECT "bigcommerceOrderId" FROM "Ticket"
    WHERE "storeId" = ${storeId}::uuid AND "bigcommerceOrderId" = ANY(${orderIds}::int[]) AND source = 'BIGCOMMERCE' AND "parentTicketId" IS NULL`;
  return new Set(rows.map((row) => row.orderId));
}

/**
 * The tickets of a burst of new orders (a flash sale), in one transaction with a fixed number of
 * statements whatever their count, where applying each order's event alone (apply-order-event.ts)
 * costs some forty. Each order ends as that path would leave an order Tern had never seen, with
 * nothing for anyone to act on yet: its snapshot (the status noted), its buyer linked, a ticket
 * Awaiting Agent (watched, or work with the SLA targets of its buyer's tier and why: order-work.ts),
 * the "created" status entry, routing's entries (route-new-tickets.ts, in order), the order's
 * details as a note, and the events of all of it. Their numbers are taken together, once everything but the writes is ready.
 *
 * `orders` must be new orders with no news (readOrderNews: nothing to escalate, no tracking, no
 * return) that BigCommerce no longer calls Incomplete. Under the orders' locks, any that turns out
 * to have a copy or a ticket by now is left out: the ids of the orders it opened are returned.
 */
export async function openNewOrderTicketsInTx(tx: Tx, input: { storeId: string; orders: readonly OrderBundle[]; now: Date }): Promise<number[]> {
  const { storeId, now } = input;
  await lockNewOrdersInTx(tx, storeId, input.orders.map((bundle) => bundle.order.id));
  const known = await alreadyKnown(tx, storeId, input.orders.map((bundle) => bundle.order.id));
  const orders = input.orders.filter((bundle) => !known.has(bundle.order.id));
  if (orders.length === 0) return [];

  const customers = await linkBigcommerceCustomersInTx(
    tx,
    storeId,
    orders.map((bundle) => ({ bigcommerceCustomerId: bundle.order.customer_id, email: bundle.order.billing_address?.email, name: customerNameOf(bundle) })),
  );
  const snapshots = orders.map((bundle, index) => {
    const cache = cachedOrder(bundle, null);
    return { id: uuidV7(), cache, customerId: customers[index]?.id ?? null };
  });
  await insertRowsInTx(
    tx,
    "OrderSnapshot",
    SNAPSHOT_COLUMNS,
    orders.map((bundle, index) => {
      const { id, cache, customerId } = snapshots[index]!;
      return { id, storeId, bigcommerceOrderId: bundle.order.id, ...cache, customerId, notedStatusId: bundle.order.status_id, updatedAt: now };
    }),
  );

  const sla = await loadStoreSlaSetup(tx, storeId);
  const settings = await loadRoutingSettings(tx, storeId);
  const ticketIds = uuidV7Sequence(orders.length, now.getTime());
  // The thread's first entries; routing's follow, then the order's details (as createOrderTicketInTx writes them).
  const opening: Entry[] = [];
  const tickets = orders.map((bundle, index) => {
    const customer = customers[index] ?? null;
    const targets = resolveTicketSla(sla, { priority: "NORMAL", tier: customer?.tier ?? "STANDARD" });
    // Watched until something needs a person (order-work.ts): no clock, no agent.
    const watch = newOrderTicketWatch(settings, bundle);
    const work = watch === undefined || watch.needsPerson !== null;
    const due = work ? slaDueTimes(now, targets, 0, targets.calendar) : { firstResponseDueAt: null, resolutionDueAt: null };
    const ticketId = ticketIds[index]!;
    const firstMessage = bundle.order.customer_message?.trim();
    const [firstId, statusId, workId] = uuidV7Sequence(3, now.getTime());
    if (firstMessage) opening.push({ id: firstId!, ticketId, kind: "INBOUND", channel: "BIGCOMMERCE", body: firstMessage, meta: null, createdAt: now });
    opening.push({ id: statusId!, ticketId, kind: "ACTIVITY", channel: "INTERNAL", body: `Status changed from ${STATUS_LABELS.OPEN} to ${STATUS_LABELS.AWAITING_AGENT}`, meta: TICKET_CREATED, createdAt: now });
    if (watch?.needsPerson) {
      opening.push({ id: workId!, ticketId, kind: "ACTIVITY", channel: "INTERNAL", body: `Needs a person: ${watch.needsPerson}`, meta: { type: "work", need: watch.needsPerson }, createdAt: now });
    }
    const clocks = { status: "OPEN" as const, waitingSince: null, pausedSeconds: 0, firstResponseAt: null, ...due };
    return {
      id: ticketId,
      storeId,
      subject: orderTicketSubject(bundle),
      status: "AWAITING_AGENT" as const,
      priority: "NORMAL" as const,
      tags: ["order"],
      source: "BIGCOMMERCE" as const,
      customerId: customer?.id ?? null,
      orderSnapshotId: snapshots[index]!.id,
      bigcommerceOrderId: bundle.order.id,
      ...due,
      workSince: work ? now : null,
      ...slaStampsForTransition(clocks, "AWAITING_AGENT", now),
      ...snoozeAfterMove("AWAITING_AGENT"),
      ...(firstMessage ? { lastMessageAt: now } : {}),
      createdAt: now,
    };
  });

  // Last before the writes that need them: the store's row stays locked from here to the commit.
  const firstNumber = await takeTicketNumbersInTx(tx, storeId, tickets.length);
  await insertRowsInTx(tx, "Ticket", TICKET_COLUMNS, tickets.map((ticket, index) => ({ ...ticket, number: firstNumber + index, updatedAt: now })));
  await insertRowsInTx(tx, "Message", MESSAGE_COLUMNS, opening.map((entry) => ({ ...entry, storeId })));

  const routed = await routeNewTicketsInTx(tx, {
    storeId,
    now,
    tickets: tickets.map((ticket, index) => ({
      id: ticket.id,
      createdAt: now,
      work: ticket.workSince !== null,
      facts: routingFactsFrom({
        category: null,
        tags: ticket.tags,
        customer: customers[index] ?? null,
        order: { totalIncTax: snapshots[index]!.cache.totalIncTax, products: orders[index]!.products, order: snapshots[index]!.cache.order },
      }),
    })),
  });

  // A thread is read in (createdAt, id) order: the notes come after routing's entries by both.
  const notedAt = new Date();
  const noteIds = uuidV7Sequence(orders.length, notedAt.getTime() + 1);
  const notes: Entry[] = orders.map((bundle, index) => ({
    id: noteIds[index]!,
    ticketId: tickets[index]!.id,
    kind: "NOTE",
    channel: "INTERNAL",
    body: orderSummary(bundle),
    meta: { type: "order", orderId: bundle.order.id },
    createdAt: notedAt,
  }));
  await insertRowsInTx(tx, "Message", MESSAGE_COLUMNS, notes.map((entry) => ({ ...entry, storeId })));

  const events: NewDomainEvent[] = [];
  tickets.forEach((ticket, index) => {
    const thread = [...opening.filter((entry) => entry.ticketId === ticket.id).map(asDto), ...(routed.get(ticket.id) ?? []), asDto(notes[index]!)];
    events.push(...ticketChangeEvents(storeId, ticket.id, thread, { created: true }));
  });
  await recordDomainEventsInTx(tx, events);
  return orders.map((bundle) => bundle.order.id);
}
