import type { Db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { comesBefore, type TimelineCursor } from "./timeline-cursor.ts";
import type { OrderEntry, TimelineEntry } from "./timeline-entry.ts";

type Row = { id: string; orderId: number; status: string | null; total: Prisma.Decimal | null; currency: string | null; dateCreated: string | null; createdAt: Date };

// BigCommerce's date_created is an RFC 2822 string inside the stored order; PostgreSQL 15 cannot
// test a cast before making it, so the date is read here rather than sorted on in SQL. A customer
// has few orders next to their messages; reading this many covers any real customer.
const MAX_ORDERS = 5000;

/** When BigCommerce says the order was placed, else when Tern first stored it. */
export function orderPlacedAt(dateCreated: string | null, firstSeen: Date): { at: Date; known: boolean } {
  const parsed = dateCreated ? Date.parse(dateCreated) : Number.NaN;
  if (Number.isNaN(parsed)) return { at: firstSeen, known: false };
  const at = new Date(parsed);
  return at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999 ? { at: firstSeen, known: false } : { at, known: true };
}

/** The customer's orders Tern has stored (one entry each, at the time it was placed), after `cursor`, newest first. */
export async function orderEntries(
  db: Db,
  input: { storeId: string; customerId: string; cursor: TimelineCursor | null; limit: number },
): Promise<{ at: Date; id: string; entry: TimelineEntry }[]> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT id, "bigcommerceOrderId" AS "orderId", status, "totalIncTax" AS total, currency, "order"->>'date_created' AS "dateCreated", "createdAt"
    FROM "OrderSnapshot"
    WHERE "storeId" = ${input.storeId}::uuid AND "customerId" = ${input.customerId}::uuid
    ORDER BY "bigcommerceOrderId" DESC
    LIMIT ${MAX_ORDERS}`);
  return rows
    .map((row) => {
      const placed = orderPlacedAt(row.dateCreated, row.createdAt);
      const entry: OrderEntry = {
        id: row.id,
        at: placed.at.toISOString(),
        kind: "order",
        orderId: row.orderId,
        status: row.status,
        total: row.total?.toFixed(2) ?? null,
        currency: row.currency,
        placedAtKnown: placed.known,
      };
      return { at: placed.at, id: row.id, entry };
    })
    .filter((item) => !input.cursor || comesBefore(input.cursor, item))
    .sort((a, b) => (comesBefore(a, b) ? -1 : 1))
    .slice(0, input.limit);
}
