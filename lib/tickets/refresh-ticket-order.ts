import { refreshOrderSnapshot } from "@/lib/bigcommerce/refresh-order-snapshot.ts";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { getTicketContext, type TicketContext } from "./get-ticket-context.ts";

/** The sidebar's "Refresh": re-reads the ticket's order from BigCommerce, then answers the sidebar as it now is. */
export async function refreshTicketOrder(db: Db, input: { storeId: string; ticketId: string }): Promise<TicketContext> {
  const { storeId, ticketId } = input;
  const ticket = isUuid(ticketId) ? await db.ticket.findFirst({ where: { id: ticketId, storeId }, select: { bigcommerceOrderId: true } }) : null;
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  if (ticket.bigcommerceOrderId === null) throw new AppError("UNPROCESSABLE", "This ticket has no BigCommerce order to refresh");
  const saved = await refreshOrderSnapshot(db, storeId, ticket.bigcommerceOrderId);
  if (!saved) throw new AppError("UNPROCESSABLE", "BigCommerce did not return this order: the store is not connected, or the order no longer exists");
  return getTicketContext(db, { storeId, ticketId });
}
