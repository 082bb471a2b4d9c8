import { adminPage } from "@/components/admin/admin-page.tsx";
import { CustomerImportPanel } from "@/components/admin/customer-import-panel.tsx";
import { CustomerMappingPanel } from "@/components/admin/customer-mapping-panel.tsx";

export const dynamic = "force-dynamic";

export default function AdminCustomersPage() {
  return adminPage(["ADMIN"], async () => (
    <>
      <CustomerImportPanel />
      <CustomerMappingPanel />
    </>
  ));
}
