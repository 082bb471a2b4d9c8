import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { FINISHED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { orderPlacedAt } from "./timeline/order-entries.ts";

/** One currency's figures: amounts in different currencies are never added together. */
export type CurrencyValue = {
  currency: string | null;
  /** Orders that count (placed and not cancelled, declined or left incomplete). */
  orders: number;
  /** Their totals (tax included) less what was refunded. */
  lifetimeValue: string;
  refunded: string;
  /** Their totals divided by their number. */
  averageOrder: string;
};

export type CustomerInsight = {
  /** Every order of the customer Tern has stored, whatever its status: what the figures come from. */
  ordersSeen: number;
  /** Of those, not counted in the value: incomplete, cancelled or declined. */
  ordersNotCounted: number;
  byCurrency: CurrencyValue[];
  lastOrder: { orderId: number; placedAt: string; status: string | null; total: string | null; currency: string | null } | null;
  openTickets: number;
  lastCsat: { score: number; respondedAt: string; ticketNumber: number } | null;
};

// Incomplete (0), Cancelled (5) and Declined (6) orders brought the store nothing.
const NOT_COUNTED_STATUS_IDS = [0, 5, 6];

type CurrencyRow = { currency: string | null; orders: bigint; gross: Prisma.Decimal; refunded: Prisma.Decimal };

/**
 * Kustomer's insight card from what Tern has stored: the customer's orders as last read from
 * BigCommerce (only those Tern has seen: orders from before the store was connected are not
 * here), their open tickets and their last CSAT answer.
 */
export async function getCustomerInsight(db: Db, input: { storeId: string; customerId: string }): Promise<CustomerInsight> {
  const { storeId, customerId } = input;
  const customer = isUuid(customerId) ? await db.customer.findFirst({ where: { id: customerId, storeId }, select: { id: true } }) : null;
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found");
  const counted = Prisma.sql`("statusId" IS NULL OR "statusId" <> ALL(${NOT_COUNTED_STATUS_IDS}::int[]))`;
  const [ordersSeen, currencies, last, openTickets, csat] = await Promise.all([
    db.orderSnapshot.count({ where: { storeId, customerId } }),
    // refunded_amount is BigCommerce's money string in the stored order; anything else counts as nothing refunded.
    db.$queryRaw<CurrencyRow[]>(Prisma.sql`
      SELECT currency, count(*) AS orders, COALESCE(sum("totalIncTax"), 0) AS gross,
             COALESCE(sum(CASE WHEN "order"->>'refunded_amount' ~ '^[0-9]{1,12}([.][0-9]{1,8})?$' THEN ("order"->>'refunded_amount')::numeric ELSE 0 END), 0) AS refunded
      FROM "OrderSnapshot"
      WHERE "storeId" = ${storeId}::uuid AND "customerId" = ${customerId}::uuid AND "totalIncTax" IS NOT NULL AND ${counted}
      GROUP BY currency
      ORDER BY count(*) DESC, currency`),
    db.$queryRaw<{ orderId: number; status: string | null; total: Prisma.Decimal | null; currency: string | null; dateCreated: string | null; createdAt: Date }[]>(Prisma.sql`
      SELECT "bigcommerceOrderId" AS "orderId", status, "totalIncTax" AS total, currency, "order"->>'date_created' AS "dateCreated", "createdAt"
      FROM "OrderSnapshot"
      WHERE "storeId" = ${storeId}::uuid AND "customerId" = ${customerId}::uuid AND ("statusId" IS NULL OR "statusId" <> 0)
      ORDER BY "bigcommerceOrderId" DESC
      LIMIT 1`),
    db.ticket.count({ where: { storeId, customerId, mergedIntoId: null, status: { notIn: [...FINISHED_STATUSES] } } }),
    db.csatResponse.findFirst({
      where: { storeId, ticket: { customerId } },
      orderBy: [{ respondedAt: "desc" }, { id: "desc" }],
      select: { score: true, respondedAt: true, ticket: { select: { number: true } } },
    }),
  ]);
  const countedOrders = currencies.reduce((sum, row) => sum + Number(row.orders), 0);
  const lastRow = last[0];
  return {
    ordersSeen,
    ordersNotCounted: ordersSeen - countedOrders,
    byCurrency: currencies.map((row) => {
      const orders = Number(row.orders);
      const gross = new Prisma.Decimal(row.gross);
      const refunded = Prisma.Decimal.min(new Prisma.Decimal(row.refunded), gross);
      return { currency: row.currency, orders, lifetimeValue: gross.minus(refunded).toFixed(2), refunded: refunded.toFixed(2), averageOrder: gross.dividedBy(orders).toFixed(2) };
    }),
    lastOrder: lastRow
      ? {
          orderId: lastRow.orderId,
          placedAt: orderPlacedAt(lastRow.dateCreated, lastRow.createdAt).at.toISOString(),
          status: lastRow.status,
          total: lastRow.total?.toFixed(2) ?? null,
          currency: lastRow.currency,
        }
      : null,
    openTickets,
    lastCsat: csat ? { score: csat.score, respondedAt: csat.respondedAt.toISOString(), ticketNumber: csat.ticket.number } : null,
  };
}
