import type { Db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";

type Meta = Record<string, unknown>;

/**
 * What Tern should have made of each order's events, whatever their number, order and repeats,
 * checked against the emulated store's final state: one ticket per order with its summary once;
 * each shipment's tracking noted once and its message sent to the buyer once; each refund
 * escalated once; status notes forming one chain (none told twice) that ends at the order's
 * status. Returns what is wrong, in words; empty when all is well.
 */
export async function orderEffectProblems(db: Db, shop: EmulatedStore, storeId: string, orderIds: number[]): Promise<string[]> {
  const problems: string[] = [];
  const tickets = await db.ticket.findMany({ where: { storeId, source: "BIGCOMMERCE" }, select: { id: true, bigcommerceOrderId: true, parentTicketId: true } });
  for (const ticket of tickets) {
    if (ticket.parentTicketId) problems.push(`order ${ticket.bigcommerceOrderId}: a sub-ticket, though no return was asked for`);
    if (ticket.bigcommerceOrderId === null || !orderIds.includes(ticket.bigcommerceOrderId)) problems.push(`ticket ${ticket.id} for an order the store never had`);
  }
  const messages = await db.message.findMany({
    where: { storeId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ticketId: true, kind: true, body: true, meta: true },
  });
  const meta = (message: { meta: unknown }) => (message.meta ?? {}) as Meta;

  for (const orderId of orderIds) {
    const own = tickets.filter((ticket) => ticket.bigcommerceOrderId === orderId && !ticket.parentTicketId);
    if (own.length !== 1) {
      problems.push(`order ${orderId}: ${own.length} tickets`);
      continue;
    }
    const thread = messages.filter((message) => message.ticketId === own[0]!.id);
    if (thread.filter((message) => meta(message).type === "order").length !== 1) problems.push(`order ${orderId}: order summary not written once`);
    for (const shipment of shop.shipments.get(orderId) ?? []) {
      const notes = thread.filter((message) => meta(message).type === "tracking" && meta(message).shipmentId === shipment.id);
      const notices = thread.filter((message) => message.kind === "OUTBOUND" && message.body.includes(shipment.tracking_number));
      if (notes.length !== 1 || notices.length !== 1) problems.push(`order ${orderId} shipment ${shipment.id}: ${notes.length} tracking notes, ${notices.length} notices`);
    }
    for (const refund of shop.refunds.get(orderId) ?? []) {
      const escalations = thread.filter((message) => meta(message).type === "escalation" && message.body.includes(`(refund ${refund.id})`));
      if (escalations.length !== 1) problems.push(`order ${orderId} refund ${refund.id}: ${escalations.length} escalations`);
    }
    const changes = thread.filter((message) => meta(message).type === "orderStatus").map((message) => meta(message) as { from: number; to: number });
    for (let index = 1; index < changes.length; index += 1) {
      if (changes[index]!.from !== changes[index - 1]!.to) problems.push(`order ${orderId}: status notes ${JSON.stringify(changes)} do not chain`);
    }
    const status = shop.requireOrder(orderId).status_id;
    if (changes.length && changes.at(-1)!.to !== status) problems.push(`order ${orderId}: last status note ${changes.at(-1)!.to}, order is ${status}`);
  }

  const snapshots = await db.orderSnapshot.findMany({ where: { storeId }, select: { bigcommerceOrderId: true, notedStatusId: true } });
  if (snapshots.length !== orderIds.length) problems.push(`${snapshots.length} order snapshots for ${orderIds.length} orders`);
  for (const snapshot of snapshots) {
    const status = shop.requireOrder(snapshot.bigcommerceOrderId).status_id;
    if (snapshot.notedStatusId !== status) problems.push(`order ${snapshot.bigcommerceOrderId}: noted status ${snapshot.notedStatusId}, order is ${status}`);
  }
  return problems;
}
