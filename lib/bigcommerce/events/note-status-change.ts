import type { Db } from "@/lib/db/client.ts";
import { directRows } from "@/lib/db/direct-rows.ts";
import { HANDED_OFF_LEASE_MS, type DomainEvent } from "@/lib/domain-events/domain-event.ts";
import type { WorkerLease } from "@/lib/inbound/inbound-event-types.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { uuidV7 } from "@/lib/ids/uuid-v7.ts";
import { completeOrderBundle, isStatusRead, type OrderStatusRead } from "../fetch-order-bundle.ts";
import type { OrderBundle } from "./order-bundle.ts";
import { STORED_SNAPSHOT_COLUMNS, type StoredOrderSnapshot } from "../lock-order.ts";
import { bundleFromSnapshot, cachedOrder, olderThanStored } from "../save-order-snapshot.ts";
import { sameBuyer, type OrderScopedEvent } from "./apply-order-event.ts";
import { statusNoteMove } from "@/lib/ticket-lifecycle/event-moves.ts";
import { readOrderNews, statusChangeNote } from "./order-news.ts";
import { DEFAULT_ROUTING_SETTINGS } from "@/lib/routing/load-routing-settings.ts";

export type ThreadState = StoredOrderSnapshot & {
  orderId: number;
  /** The row version (xmin): any write to the snapshot since this read changes it. */
  version: string;
  ticketId: string | null;
  ticketStatus: TicketStatus | null;
  /** The ticket is only watched (lib/ticket-lifecycle/work.ts). */
  ticketWatched: boolean | null;
  /** The store's order statuses that make a watched ticket work (null: the defaults). */
  workOrderStatusIds: number[] | null;
};

// Each order's own ticket, as findOrderTicketInTx picks it: the newest top-level BigCommerce ticket.
export async function readThreadStates(db: Db, storeId: string, orderIds: readonly number[]): Promise<Map<number, ThreadState>> {
  const rows = await directRows<ThreadState>(db, Prisma.sql`
    SELECT ${STORED_SNAPSHOT_COLUMNS}, s."bigcommerceOrderId" AS "orderId", s.xmin::text AS version, t.id AS "ticketId", t.status AS "ticketStatus",
           t."workSince" IS NULL AS "ticketWatched", r."workOrderStatusIds"
    FROM "OrderSnapshot" s
    LEFT JOIN "RoutingSettings" r ON r."storeId" = s."storeId"
    LEFT JOIN LATERAL (
      SELECT id, status, "workSince" FROM "Ticket"
      WHERE "storeId" = s."storeId" AND "bigcommerceOrderId" = s."bigcommerceOrderId" AND source = 'BIGCOMMERCE' AND "parentTicketId" IS NULL
      ORDER BY "createdAt" DESC, id DESC LIMIT 1
    ) t ON true
    WHERE s."storeId" = ${storeId}::uuid AND s."bigcommerceOrderId" = ANY(${[...orderIds]}::int[])`);
  return new Map(rows.map((row) => [row.orderId, row]));
}

/** What one status change writes when it is a note and nothing more (planStatusNote). */
type StatusNotePlan = {
  /** The inbound events it settles, when written with a lease. */
  eventIds: readonly string[];
  snapshotId: string;
  version: string;
  ticketId: string;
  ticketStatus: TicketStatus;
  cache: ReturnType<typeof cachedOrder>;
  notedStatusId: number;
  note: { body: string; meta: unknown } | null;
};

/**
 * One order's change: a status read (completed from Tern's copy), or a full read for an order
 * BigCommerce says was updated; with the inbound events it stands for.
 */
export type StatusChange = { event: OrderScopedEvent; read: OrderStatusRead | OrderBundle; eventIds?: readonly string[] };

/**
 * The plan for a status change whose whole effect on the thread is a note (or nothing, for a
 * duplicate); null when anything more is needed (a new or closed ticket, a move, an escalation,
 * tracking, a return, another buyer, an older read, a watched ticket that becomes work): the full
 * path decides those under the order lock, from the same readOrderNews.
 */
function planStatusNote(state: ThreadState | undefined, change: StatusChange): StatusNotePlan | null {
  const { event, read } = change;
  if (!state?.ticketId || !state.ticketStatus || state.ticketStatus === "CLOSED" || statusNoteMove(state.ticketStatus)) return null;
  if (olderThanStored(read.order, state)) return null;
  if (!state.customerId || !sameBuyer(state.order, read.order)) return null;

  const bundle = isStatusRead(read) ? completeOrderBundle(read, bundleFromSnapshot(state)) : read;
  const news = readOrderNews({ event, bundle, statusId: bundle.order.status_id, memory: state, messages: [] });
  if (news.attention || news.noted === null) return null;
  const note = news.statusChanged ? statusChangeNote(news, news.noted, state) : null;
  const workStatuses = state.workOrderStatusIds ?? DEFAULT_ROUTING_SETTINGS.workOrderStatusIds;
  if (note && state.ticketWatched && workStatuses.includes(news.statusId)) return null;
  return {
    eventIds: change.eventIds ?? [],
    snapshotId: state.id,
    version: state.version,
    ticketId: state.ticketId,
    ticketStatus: state.ticketStatus,
    cache: cachedOrder(bundle, state),
    notedStatusId: news.statusId,
    note: note ? { body: note.body, meta: note.meta ?? null } : null,
  };
}

function planRow(plan: StatusNotePlan) {
  const { cache } = plan;
  return {
    event_ids: plan.eventIds,
    snapshot_id: plan.snapshotId,
    version: plan.version,
    ticket_id: plan.ticketId,
    ticket_status: plan.ticketStatus,
    status_id: cache.statusId,
    status: cache.status,
    total: cache.totalIncTax,
    currency: cache.currency,
    order: cache.order,
    products: cache.products === undefined ? null : cache.products,
    shipments: cache.shipments === undefined ? null : cache.shipments,
    date_modified: cache.dateModified,
    fetched_at: cache.fetchedAt,
    noted_status_id: plan.notedStatusId,
    note_id: plan.note ? uuidV7() : null,
    note_body: plan.note?.body ?? null,
    note_meta: plan.note?.meta ?? null,
  };
}

/**
 * Writes the plans in one statement without the order lock. Each snapshot is written only if it
 * is still the version read (compare-and-set on its row version, and its ticket still in the
 * status read), and a note is inserted only with its snapshot's write, with its message.added
 * event. With a lease, a plan is written only while its inbound event is still this worker's, and
 * the same statement records the event as processed: what was applied is settled, exactly once.
 * Returns the snapshot ids written.
 *
 * The row version stands in for the order lock only because every writer of an order's thread
 * (notes, tickets, what the thread was told) also writes its snapshot row under that lock: a new
 * writer must too, or it will race with this.
 */
async function writeStatusNotes(db: Db, storeId: string, plans: readonly StatusNotePlan[], lease: WorkerLease | null): Promise<Set<string>> {
  if (plans.length === 0) return new Set();
  const workerId = lease?.workerId ?? null;
  // Handed off: the events are this process's to deliver once the statement has committed.
  const held = lease?.handOff ? { ms: HANDED_OFF_LEASE_MS, attempts: 1 } : { ms: 0, attempts: 0 };
  const [result] = await directRows<{ written: string[] | null; events: Array<Omit<DomainEvent, "id"> & { id: string }> | null }>(db, Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(plans.map(planRow))}::jsonb) AS x(
        event_ids uuid[], snapshot_id uuid, version text, ticket_id uuid, ticket_status text, status_id int, status text, total numeric,
        currency text, "order" jsonb, products jsonb, shipments jsonb, date_modified timestamptz, fetched_at timestamptz, noted_status_id int,
        note_id uuid, note_body text, note_meta jsonb)
    ), held AS (
      -- Locked until commit: the lease cannot pass to another worker between this check and the settling.
      SELECT e.id FROM "InboundEvent" e
      WHERE ${workerId}::text IS NOT NULL AND e.id IN (SELECT unnest(event_ids) FROM input) AND e.status = 'PROCESSING' AND e."lockedBy" = ${workerId}::text
      FOR UPDATE
    ), leased AS (
      SELECT input.* FROM input
      WHERE ${workerId}::text IS NULL OR (SELECT count(*) FROM held WHERE held.id = ANY(input.event_ids)) = cardinality(input.event_ids)
    ), snapshot AS (
      UPDATE "OrderSnapshot" s
      SET "statusId" = l.status_id, status = l.status, "totalIncTax" = l.total, currency = l.currency, "order" = l."order",
          products = COALESCE(l.products, s.products), shipments = COALESCE(l.shipments, s.shipments), "dateModified" = l.date_modified, "fetchedAt" = l.fetched_at,
          "notedStatusId" = l.noted_status_id, "updatedAt" = now()
      FROM leased l
      WHERE s.id = l.snapshot_id AND s."storeId" = ${storeId}::uuid AND s.xmin::text = l.version
        AND EXISTS (SELECT 1 FROM "Ticket" t WHERE t.id = l.ticket_id AND t."storeId" = ${storeId}::uuid AND t.status = l.ticket_status::"TicketStatus")
      RETURNING s.id
    ), written AS (
      SELECT l.* FROM leased l JOIN snapshot ON snapshot.id = l.snapshot_id
    ), note AS (
      INSERT INTO "Message" (id, "storeId", "ticketId", kind, channel, body, meta)
      SELECT note_id, ${storeId}::uuid, ticket_id, 'NOTE', 'INTERNAL', note_body, note_meta FROM written WHERE note_id IS NOT NULL
      RETURNING id, "ticketId"
    ), event AS (
      INSERT INTO "DomainEvent" ("storeId", type, "ticketId", data, "availableAt", attempts)
      SELECT ${storeId}::uuid, 'message.added', note."ticketId", jsonb_build_object('messageId', note.id),
             now() + ${held.ms} * interval '1 millisecond', ${held.attempts}::int
      FROM note
      RETURNING id, "storeId", type, "ticketId", data, attempts
    ), settled AS (
      UPDATE "InboundEvent" e
      SET status = 'PROCESSED', "lockedAt" = NULL, "lockedBy" = NULL, "processedAt" = now(), "processedBy" = ${workerId}::text, error = NULL
      FROM written w
      WHERE ${workerId}::text IS NOT NULL AND e.id = ANY(w.event_ids)
    )
    SELECT (SELECT array_agg(id::text) FROM snapshot) AS written,
           (SELECT json_agg(json_build_object('id', id::text, 'storeId', "storeId", 'type', type, 'ticketId', "ticketId", 'data', data, 'attempts', attempts)) FROM event) AS events`);
  const events = (result?.events ?? []).map((event) => ({ ...event, id: BigInt(event.id) }));
  lease?.handOff?.(events);
  return new Set(result?.written ?? []);
}

/**
 * The most common order event, a status change whose whole effect on the thread is a note (or
 * nothing, for a duplicate), applied in one statement without the order lock (writeStatusNotes).
 * False when it applied nothing: the caller applies the event the full way, under the lock
 * (apply-order-event.ts), which decides from the same readOrderNews.
 */
export async function noteStatusChange(db: Db, input: { storeId: string; event: OrderScopedEvent; read: OrderStatusRead }): Promise<boolean> {
  return (await noteStatusChanges(db, input.storeId, [{ event: input.event, read: input.read }], null)).size === 1;
}

/**
 * Several orders' status changes noted at once: one read of their threads and one write for all
 * (each as noteStatusChange decides it). With a lease, each written change's inbound event is
 * settled by the same statement. Returns the indexes of the changes applied; the others are the
 * caller's to apply the full way. At most one change per order.
 */
export async function noteStatusChanges(
  db: Db,
  storeId: string,
  changes: readonly StatusChange[],
  lease: WorkerLease | null,
  /** The threads as the caller read them before reading BigCommerce (readThreadStates); read here otherwise. */
  states?: ReadonlyMap<number, ThreadState>,
): Promise<Set<number>> {
  if (changes.length === 0) return new Set();
  states ??= await readThreadStates(db, storeId, changes.map((change) => change.read.order.id));
  const planned = changes.map((change) => planStatusNote(states.get(change.read.order.id), change));
  const written = await writeStatusNotes(db, storeId, planned.filter((plan): plan is StatusNotePlan => plan !== null), lease);
  const applied = new Set<number>();
  planned.forEach((plan, index) => {
    if (plan && written.has(plan.snapshotId)) applied.add(index);
  });
  return applied;
}
