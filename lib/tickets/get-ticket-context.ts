import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { CustomerTier, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { toOrderView, type OrderView } from "@/lib/orders/order-view.ts";

export type OrderSummary = { orderId: number; status: string | null; total: string | null; currency: string | null; fetchedAt: string };

export type TicketContext = {
  customer: {
    id: string;
    name: string | null;
    email: string | null;
    tier: CustomerTier;
    region: string | null;
    telegram: { username: string | null; displayName: string | null; blocked: boolean } | null;
  } | null;
  /** The ticket's order as last read from BigCommerce; null when the ticket has none or it was never fetched. */
  order: (OrderView & { fetchedAt: string }) | null;
  /** The order id the ticket names even when no snapshot is stored yet (the sidebar offers a refresh). */
  bigcommerceOrderId: number | null;
  otherOrders: OrderSummary[];
  otherTickets: { id: string; number: number; subject: string; status: TicketStatus; updatedAt: string }[];
};

const snapshotSelect = {
  bigcommerceOrderId: true,
  status: true,
  statusId: true,
  currency: true,
  totalIncTax: true,
  order: true,
  products: true,
  shipments: true,
  fetchedAt: true,
} as const;

const RELATED_LIMIT = 10;

/** Everything the order sidebar shows for a ticket: its order, its customer, their other orders and tickets. */
export async function getTicketContext(db: Db, input: { storeId: string; ticketId: string }): Promise<TicketContext> {
  const { storeId, ticketId } = input;
  if (!isUuid(storeId) || !isUuid(ticketId)) throw new AppError("NOT_FOUND", "Ticket not found");
  const ticket = await db.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: {
      customerId: true,
      bigcommerceOrderId: true,
      orderSnapshot: { select: snapshotSelect },
      customer: {
        select: {
          id: true,
          name: true,
          email: true,
          tier: true,
          region: true,
          identities: { where: { channel: "TELEGRAM" }, take: 1, select: { username: true, displayName: true, blockedAt: true } },
        },
      },
    },
  });
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");

  const snapshot =
    ticket.orderSnapshot ??
    (ticket.bigcommerceOrderId
      ? await db.orderSnapshot.findUnique({ where: { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: ticket.bigcommerceOrderId } }, select: snapshotSelect })
      : null);
  const orderId = snapshot?.bigcommerceOrderId ?? ticket.bigcommerceOrderId;

  const [otherOrders, otherTickets] = ticket.customerId
    ? await Promise.all([
        db.orderSnapshot.findMany({
          where: { storeId, customerId: ticket.customerId, ...(orderId ? { bigcommerceOrderId: { not: orderId } } : {}) },
          orderBy: { bigcommerceOrderId: "desc" },
          take: RELATED_LIMIT,
          select: { bigcommerceOrderId: true, status: true, totalIncTax: true, currency: true, fetchedAt: true },
        }),
        db.ticket.findMany({
          where: { storeId, customerId: ticket.customerId, id: { not: ticketId } },
          orderBy: { updatedAt: "desc" },
          take: RELATED_LIMIT,
          select: { id: true, number: true, subject: true, status: true, updatedAt: true },
        }),
      ])
    : [[], []];

  const telegram = ticket.customer?.identities[0];
  return {
    customer: ticket.customer && {
      id: ticket.customer.id,
      name: ticket.customer.name,
      email: ticket.customer.email,
      tier: ticket.customer.tier,
      region: ticket.customer.region,
      telegram: telegram ? { username: telegram.username, displayName: telegram.displayName, blocked: telegram.blockedAt !== null } : null,
    },
    order: snapshot
      ? {
          ...toOrderView({ ...snapshot, totalIncTax: snapshot.totalIncTax?.toString() ?? null }),
          fetchedAt: snapshot.fetchedAt.toISOString(),
        }
      : null,
    bigcommerceOrderId: orderId ?? null,
    otherOrders: otherOrders.map((order) => ({
      orderId: order.bigcommerceOrderId,
      status: order.status,
      total: order.totalIncTax?.toFixed(2) ?? null,
      currency: order.currency,
      fetchedAt: order.fetchedAt.toISOString(),
    })),
    otherTickets: otherTickets.map((other) => ({ ...other, updatedAt: other.updatedAt.toISOString() })),
  };
}
