import { adminPage } from "@/components/admin/admin-page.tsx";
import { StoreSettingsForm } from "@/components/admin/store-settings-form.tsx";
import { getStoreConnection } from "@/lib/bigcommerce-app/store-connection.ts";
import { db } from "@/lib/db/client.ts";

export const dynamic = "force-dynamic";

export default function AdminStoreSettingsPage() {
  return adminPage(["ADMIN"], async (actor) => <StoreSettingsForm store={await getStoreConnection(db(), actor.storeId)} />);
}
