import type { Tx } from "@/lib/db/client.ts";
import { signedStartLink } from "@/lib/chat-links/start-link.ts";
import { orderTemplateValues } from "./order-template-variables.ts";
import type { TemplateValues } from "./render-template.ts";

/**
 * The template values for a ticket as stored now: its order snapshot (linked, else found by the
 * ticket's order id), its customer and the store's time zone. Empty order values when the ticket
 * has no order. Scoped to the store; null when the ticket is not the store's.
 */
export async function loadOrderTemplateValues(tx: Tx, storeId: string, ticketId: string, options: { shipmentId?: number | string } = {}): Promise<TemplateValues | null> {
  const ticket = await tx.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: {
      number: true,
      bigcommerceOrderId: true,
      customer: { select: { name: true, email: true } },
      orderSnapshot: { select: { bigcommerceOrderId: true, status: true, statusId: true, totalIncTax: true, currency: true, order: true, shipments: true } },
      store: { select: { timeZone: true, telegramBotUsername: true } },
    },
  });
  if (!ticket) return null;
  const snapshot =
    ticket.orderSnapshot ??
    (ticket.bigcommerceOrderId === null
      ? null
      : await tx.orderSnapshot.findUnique({
          where: { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: ticket.bigcommerceOrderId } },
          select: { bigcommerceOrderId: true, status: true, statusId: true, totalIncTax: true, currency: true, order: true, shipments: true },
        }));
  const values = orderTemplateValues({ ticket, snapshot, shipmentId: options.shipmentId, timeZone: ticket.store.timeZone });
  const orderId = snapshot?.bigcommerceOrderId ?? ticket.bigcommerceOrderId;
  const botUsername = ticket.store.telegramBotUsername;
  // Only an order's ticket gets its order's link: an unverified conversation has no order to lend.
  if (orderId && botUsername) values.telegram_link = signedStartLink(botUsername, storeId, { kind: "order", orderId }).url;
  return values;
}
