import { adminPage } from "@/components/admin/admin-page.tsx";
import { SlaAdmin } from "@/components/admin/sla-admin.tsx";

export const dynamic = "force-dynamic";

export default function AdminSlaPage() {
  return adminPage(["ADMIN", "SUPERVISOR"], async () => <SlaAdmin />);
}
