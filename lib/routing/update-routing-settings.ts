import type { Db } from "@/lib/db/client.ts";
import { DEFAULT_ROUTING_SETTINGS, type RoutingSettingsValues } from "./load-routing-settings.ts";

export async function updateRoutingSettings(db: Db, input: { storeId: string; patch: Partial<RoutingSettingsValues> }): Promise<RoutingSettingsValues> {
  const { storeId, patch } = input;
  return db.routingSettings.upsert({
    where: { storeId },
    create: { storeId, ...DEFAULT_ROUTING_SETTINGS, ...patch },
    update: patch,
    select: { autoAssign: true, assignmentTimeoutSeconds: true, requeueOnUnavailable: true, watchOrderTickets: true, workOrderStatusIds: true },
  });
}
