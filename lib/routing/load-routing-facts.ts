import type { Tx } from "@/lib/db/client.ts";
import { routingFactsFrom, type RoutingFacts } from "./routing-facts.ts";

const orderSelect = { totalIncTax: true, products: true, order: true } as const;

/** The facts assignment rules match on, for one ticket of the store; null when there is no such ticket. */
export async function loadRoutingFactsInTx(tx: Tx, storeId: string, ticketId: string): Promise<RoutingFacts | null> {
  const ticket = await tx.ticket.findFirst({
    where: { id: ticketId, storeId },
    select: {
      category: true,
      tags: true,
      bigcommerceOrderId: true,
      customer: { select: { tier: true, region: true } },
      orderSnapshot: { select: orderSelect },
    },
  });
  if (!ticket) return null;
  // Tickets made from an order event may carry only the order id; the snapshot is found by it.
  const order =
    ticket.orderSnapshot ??
    (ticket.bigcommerceOrderId !== null
      ? await tx.orderSnapshot.findUnique({
          where: { storeId_bigcommerceOrderId: { storeId, bigcommerceOrderId: ticket.bigcommerceOrderId } },
          select: orderSelect,
        })
      : null);
  return routingFactsFrom({ category: ticket.category, tags: ticket.tags, customer: ticket.customer, order });
}
