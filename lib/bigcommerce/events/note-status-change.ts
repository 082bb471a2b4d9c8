import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { uuidV7 } from "@/lib/ids/uuid-v7.ts";
import { completeOrderBundle, type OrderStatusRead } from "../fetch-order-bundle.ts";
import { STORED_SNAPSHOT_COLUMNS, type StoredOrderSnapshot } from "../lock-order.ts";
import { bundleFromSnapshot, cachedOrder, olderThanStored } from "../save-order-snapshot.ts";
import { sameBuyer, type OrderScopedEvent } from "./apply-order-event.ts";
import { statusNoteMove } from "@/lib/ticket-lifecycle/event-moves.ts";
import { readOrderNews, statusChangeNote } from "./order-news.ts";
import { DEFAULT_ROUTING_SETTINGS } from "@/lib/routing/load-routing-settings.ts";

type ThreadState = StoredOrderSnapshot & {
  /** The row version (xmin): any write to the snapshot since this read changes it. */
  version: string;
  ticketId: string | null;
  ticketStatus: TicketStatus | null;
  /** The ticket is only watched (lib/ticket-lifecycle/work.ts). */
  ticketWatched: boolean | null;
  /** The store's order statuses that make a watched ticket work (null: the defaults). */
  workOrderStatusIds: number[] | null;
};

// The order's own ticket, as findOrderTicketInTx picks it: the newest top-level BigCommerce ticket.
async function readThreadState(db: Db, storeId: string, orderId: number): Promise<ThreadState | null> {
  const rows = await db.$queryRaw<ThreadState[]>(Prisma.sql`
    SELECT ${STORED_SNAPSHOT_COLUMNS}, s.xmin::text AS version, t.id AS "ticketId", t.status AS "ticketStatus",
           t."workSince" IS NULL AS "ticketWatched", r."workOrderStatusIds"
    FROM "OrderSnapshot" s
    LEFT JOIN "RoutingSettings" r ON r."storeId" = s."storeId"
    LEFT JOIN LATERAL (
      SELECT id, status, "workSince" FROM "Ticket"
      WHERE "storeId" = s."storeId" AND "bigcommerceOrderId" = s."bigcommerceOrderId" AND source = 'BIGCOMMERCE' AND "parentTicketId" IS NULL
      ORDER BY "createdAt" DESC, id DESC LIMIT 1
    ) t ON true
    WHERE s."storeId" = ${storeId}::uuid AND s."bigcommerceOrderId" = ${orderId}`);
  return rows[0] ?? null;
}

/**
 * The most common order event, a status change whose whole effect on the thread is a note (or
 * nothing, for a duplicate), applied in one statement without the order lock: the snapshot is
 * written only if it is still the version read (compare-and-set on its row version, and the ticket
 * still in the status read), and the note is inserted only with that write. Anything more (a new
 * or closed ticket, a move, an escalation, tracking, a return, another buyer, an older read), or a
 * write that lost the race, returns null: the caller applies the event the full way, under the lock
 * (apply-order-event.ts), which decides from the same readOrderNews. The note's message.added
 * event is written by the same statement (lib/domain-events). True when it applied the event.
 *
 * The row version stands in for the order lock only because every writer of an order's thread
 * (notes, tickets, what the thread was told) also writes its snapshot row under that lock: a new
 * writer must too, or it will race with this.
 */
export async function noteStatusChange(db: Db, input: { storeId: string; event: OrderScopedEvent; read: OrderStatusRead }): Promise<boolean> {
  const { storeId, event, read } = input;
  const state = await readThreadState(db, storeId, read.order.id);
  if (!state?.ticketId || !state.ticketStatus || state.ticketStatus === "CLOSED" || statusNoteMove(state.ticketStatus)) return false;
  if (olderThanStored(read.order, state)) return false;
  if (!state.customerId || !sameBuyer(state.order, read.order)) return false;

  const bundle = completeOrderBundle(read, bundleFromSnapshot(state));
  const news = readOrderNews({ event, bundle, statusId: bundle.order.status_id, memory: state, messages: [] });
  if (news.attention || news.noted === null) return false;
  const note = news.statusChanged ? statusChangeNote(news, news.noted, state) : null;
  // A watched ticket whose order reached a status that needs a person becomes work: the full path.
  const workStatuses = state.workOrderStatusIds ?? DEFAULT_ROUTING_SETTINGS.workOrderStatusIds;
  if (note && state.ticketWatched && workStatuses.includes(news.statusId)) return false;

  const cache = cachedOrder(bundle, state);
  const shipments = cache.shipments === undefined ? null : JSON.stringify(cache.shipments);
  const rows = await db.$queryRaw<Array<{ written: boolean }>>(Prisma.sql`
    WITH snapshot AS (
      UPDATE "OrderSnapshot"
      SET "statusId" = ${cache.statusId}, status = ${cache.status}, "totalIncTax" = ${cache.totalIncTax}::numeric, currency = ${cache.currency},
          "order" = ${JSON.stringify(cache.order)}::jsonb, shipments = COALESCE(${shipments}::jsonb, shipments),
          "dateModified" = ${cache.dateModified}, "fetchedAt" = ${cache.fetchedAt}, "notedStatusId" = ${news.statusId}, "updatedAt" = now()
      WHERE id = ${state.id}::uuid AND xmin::text = ${state.version}
        AND EXISTS (SELECT 1 FROM "Ticket" WHERE id = ${state.ticketId}::uuid AND status = ${state.ticketStatus}::"TicketStatus")
      RETURNING id
    ), note AS (
      INSERT INTO "Message" (id, "storeId", "ticketId", kind, channel, body, meta)
      SELECT ${uuidV7()}::uuid, ${storeId}::uuid, ${state.ticketId}::uuid, 'NOTE', 'INTERNAL', ${note?.body ?? ""}, ${JSON.stringify(note?.meta ?? null)}::jsonb
      FROM snapshot WHERE ${note !== null}
      RETURNING id, "ticketId"
    ), event AS (
      INSERT INTO "DomainEvent" ("storeId", type, "ticketId", data)
      SELECT ${storeId}::uuid, 'message.added', note."ticketId", jsonb_build_object('messageId', note.id) FROM note
    )
    SELECT EXISTS (SELECT 1 FROM snapshot) AS written`);
  return rows[0]?.written ?? false;
}
