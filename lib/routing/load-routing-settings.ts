import type { Tx } from "@/lib/db/client.ts";

export type RoutingSettingsValues = { autoAssign: boolean; assignmentTimeoutSeconds: number | null; requeueOnUnavailable: boolean };

/** What a store gets before a supervisor saves anything: routing on, no response timeout. */
export const DEFAULT_ROUTING_SETTINGS: RoutingSettingsValues = { autoAssign: true, assignmentTimeoutSeconds: null, requeueOnUnavailable: true };

export async function loadRoutingSettings(tx: Tx, storeId: string): Promise<RoutingSettingsValues> {
  const row = await tx.routingSettings.findUnique({
    where: { storeId },
    select: { autoAssign: true, assignmentTimeoutSeconds: true, requeueOnUnavailable: true },
  });
  return row ?? DEFAULT_ROUTING_SETTINGS;
}
