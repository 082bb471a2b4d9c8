import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { CustomerTier, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { readCustomFields } from "@/lib/customers/read-custom-fields.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { conversationChatInTx, type ConversationChat } from "@/lib/tickets/conversation-chat.ts";
import { toOrderView, type OrderView } from "@/lib/orders/order-view.ts";

export type OrderSummary = { orderId: number; status: string | null; total: string | null; currency: string | null; fetchedAt: string };

export type TicketContext = {
  customer: {
    id: string;
    name: string | null;
    email: string | null;
    tier: CustomerTier;
    region: string | null;
    phone: string | null;
    /** The store's mapped BigCommerce fields (lib/customers/sync/customer-mapping.ts). */
    customFields: Array<{ label: string; value: string }>;
    /** BigCommerce deleted the account (the customer and their tickets stay). */
    bigcommerceDeleted: boolean;
    /** The Telegram chat replies to this ticket go to (lib/tickets/conversation-chat.ts). */
    telegram: { username: string | null; displayName: string | null; blocked: boolean; verified: boolean } | null;
  } | null;
  /** The conversation's chat has not proved it is the customer's: no order data is shown for it. */
  unverifiedChat: boolean;
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
          phone: true,
          customFields: true,
          bigcommerceDeletedAt: true,
        },
      },
    },
  });
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  const chat = await conversationChatInTx(db, storeId, ticketId);
  if (chat && chat.verifiedAt === null) return unverifiedContext(ticket.customer, chat, await ticketsOfCustomer(db, storeId, ticket.customerId, ticketId));

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
        ticketsOfCustomer(db, storeId, ticket.customerId, ticketId),
      ])
    : [[], []];

  return {
    customer: ticket.customer && {
      ...customerFields(ticket.customer),
      phone: ticket.customer.phone,
      customFields: readCustomFields(ticket.customer.customFields),
      bigcommerceDeleted: ticket.customer.bigcommerceDeletedAt !== null,
      telegram: telegramOf(chat),
    },
    unverifiedChat: false,
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
    otherTickets: otherTickets.map(toRelatedTicket),
  };
}

type RelatedTicketRow = { id: string; number: number; subject: string; status: TicketStatus; updatedAt: Date };

function ticketsOfCustomer(db: Db, storeId: string, customerId: string | null, ticketId: string): Promise<RelatedTicketRow[]> {
  if (!customerId) return Promise.resolve([]);
  return db.ticket.findMany({
    where: { storeId, customerId, id: { not: ticketId } },
    orderBy: { updatedAt: "desc" },
    take: RELATED_LIMIT,
    select: { id: true, number: true, subject: true, status: true, updatedAt: true },
  });
}

function toRelatedTicket(row: RelatedTicketRow): TicketContext["otherTickets"][number] {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

function telegramOf(chat: ConversationChat | null): NonNullable<TicketContext["customer"]>["telegram"] {
  if (!chat) return null;
  return { username: chat.username, displayName: chat.displayName, blocked: chat.blockedAt !== null, verified: chat.verifiedAt !== null };
}

type CustomerRow = { id: string; name: string | null; email: string | null; tier: CustomerTier; region: string | null };

function customerFields(row: CustomerRow): CustomerRow {
  return { id: row.id, name: row.name, email: row.email, tier: row.tier, region: row.region };
}

/** An unverified chat's conversation: who wrote, and nothing of any order (an agent verifies first). */
function unverifiedContext(
  customer: CustomerRow | null,
  chat: ConversationChat,
  otherTickets: RelatedTicketRow[],
): TicketContext {
  return {
    // Nothing read from the store's account either: the chat has not proved it is this customer.
    customer: customer && { ...customerFields(customer), phone: null, customFields: [], bigcommerceDeleted: false, telegram: telegramOf(chat) },
    unverifiedChat: true,
    order: null,
    bigcommerceOrderId: null,
    otherOrders: [],
    otherTickets: otherTickets.map(toRelatedTicket),
  };
}
