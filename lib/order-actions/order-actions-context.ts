import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { BigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export type OrderTicketContext = { ticketId: string; ticketNumber: number; orderId: number; client: BigcommerceClient };

/** The ticket's BigCommerce order and a client for its store; the refusals an agent can act on. */
export async function orderTicketContext(db: Db, storeId: string, ticketId: string): Promise<OrderTicketContext> {
  if (!isUuid(ticketId)) throw new AppError("NOT_FOUND", "Ticket not found");
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, storeId }, select: { id: true, number: true, bigcommerceOrderId: true } });
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  if (ticket.bigcommerceOrderId === null) throw new AppError("UNPROCESSABLE", "This ticket has no BigCommerce order to act on");
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) throw new AppError("UNPROCESSABLE", "Tern is not connected to this store's BigCommerce API: install the app again");
  return { ticketId: ticket.id, ticketNumber: ticket.number, orderId: ticket.bigcommerceOrderId, client };
}

export function cents(amount: number | string | { toString(): string }): number {
  return Math.round(Number(String(amount)) * 100);
}

export function formatAmount(amountCents: number): string {
  return (amountCents / 100).toFixed(2);
}
