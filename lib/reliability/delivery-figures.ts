import type { Delivery } from "./webhook-sender.ts";

/** Deliveries whose first attempt went out before their order's "created" did: the disorder the soak asks for. */
export function deliveredBeforeCreated(deliveries: Delivery[]): Delivery[] {
  const createdAt = new Map<number, number>();
  for (const delivery of deliveries) {
    const first = delivery.attempts[0];
    if (delivery.scope === "store/order/created" && delivery.orderId !== null && first) {
      createdAt.set(delivery.orderId, Math.min(createdAt.get(delivery.orderId) ?? Infinity, first.startedAt));
    }
  }
  return deliveries.filter((delivery) => {
    const first = delivery.attempts[0];
    return delivery.orderId !== null && delivery.scope !== "store/order/created" && first !== undefined && first.startedAt < (createdAt.get(delivery.orderId) ?? 0);
  });
}

/** What the webhook sender saw, for the soak's report (docs/performance.md). */
export function deliveryFigures(deliveries: Delivery[]) {
  const attempts = deliveries.flatMap((delivery) => delivery.attempts);
  const statuses: Record<string, number> = {};
  for (const attempt of attempts) {
    const label = attempt.error ? "network error" : String(attempt.status);
    statuses[label] = (statuses[label] ?? 0) + 1;
  }
  const disordered = deliveredBeforeCreated(deliveries);
  return {
    emitted: deliveries.filter((delivery) => delivery.copy === 0).length,
    distinctEvents: new Set(deliveries.map((delivery) => delivery.key)).size,
    deliveries: deliveries.length,
    exactDuplicates: deliveries.filter((delivery) => delivery.copy === 1).length,
    acknowledged: deliveries.filter((delivery) => delivery.ackedAt !== null).length,
    requests: attempts.length,
    retriedDeliveries: deliveries.filter((delivery) => delivery.attempts.length > 1).length,
    statuses,
    sentBeforeTheirOrderCreated: disordered.length,
    shipmentsBeforeCreated: disordered.filter((delivery) => delivery.scope.startsWith("store/shipment/")).length,
  };
}
