import { adminPage } from "@/components/admin/admin-page.tsx";
import { ConnectionOverview } from "@/components/admin/connection-overview.tsx";
import { getStoreConnection } from "@/lib/bigcommerce-app/store-connection.ts";
import { getWebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { db } from "@/lib/db/client.ts";

export const dynamic = "force-dynamic";

export default function AdminOverviewPage() {
  return adminPage(["ADMIN", "SUPERVISOR"], async (actor) => {
    const [store, health] = await Promise.all([getStoreConnection(db(), actor.storeId), getWebhookHealth(db(), actor.storeId)]);
    return <ConnectionOverview store={store} health={health} canManage={actor.role === "ADMIN"} />;
  });
}
