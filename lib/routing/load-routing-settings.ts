import type { Tx } from "@/lib/db/client.ts";

export type RoutingSettingsValues = {
  autoAssign: boolean;
  assignmentTimeoutSeconds: number | null;
  requeueOnUnavailable: boolean;
  /** New order tickets are only watched until something needs a person (lib/ticket-lifecycle/work.ts). */
  watchOrderTickets: boolean;
  /** BigCommerce order status ids that make an order's watched ticket work. */
  workOrderStatusIds: number[];
};

/**
 * What a store gets before a supervisor saves anything: routing on, no response timeout, and order
 * tickets watched until the customer writes, a refund or return comes, or the order is Refunded,
 * Declined (a failed payment), held for Manual Verification, Disputed or Partially Refunded: a
 * store with thousands of orders a day must not bury its agents.
 */
export const DEFAULT_ROUTING_SETTINGS: RoutingSettingsValues = {
  autoAssign: true,
  assignmentTimeoutSeconds: null,
  requeueOnUnavailable: true,
  watchOrderTickets: true,
  workOrderStatusIds: [4, 6, 12, 13, 14],
};

export async function loadRoutingSettings(tx: Tx, storeId: string): Promise<RoutingSettingsValues> {
  const row = await tx.routingSettings.findUnique({
    where: { storeId },
    select: { autoAssign: true, assignmentTimeoutSeconds: true, requeueOnUnavailable: true, watchOrderTickets: true, workOrderStatusIds: true },
  });
  return row ?? DEFAULT_ROUTING_SETTINGS;
}
